package dev.jitgroups.ldap.health;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.ManagedGroup;
import dev.jitgroups.core.directory.ManagedGroups;
import dev.jitgroups.ldap.errors.LdapErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the base DN can be read through the pool; DOWN with the reason otherwise (no secrets in the details).
 * Each managed group is checked too: one renamed or moved in AD, gone, or provisioned by Entra Cloud Sync is listed
 * under {@code groups} with the configuration key to fix. Such a group only stops that group, not the service, so it
 * does not turn the status DOWN (a load balancer would take every group away).
 */
public final class DirectoryHealthIndicator implements HealthIndicator {

    private final LDAPConnectionPool pool;
    private final String baseDn;
    private final GroupMembership membership;
    private final ObjectProvider<ManagedGroups> managedGroups;

    public DirectoryHealthIndicator(LDAPConnectionPool pool, String baseDn, GroupMembership membership,
            ObjectProvider<ManagedGroups> managedGroups) {
        this.pool = pool;
        this.baseDn = baseDn;
        this.membership = membership;
        this.managedGroups = managedGroups;
    }

    @Override
    public Health health() {
        try {
            SearchResultEntry base = pool.getEntry(baseDn, "1.1");
            Health.Builder builder = base == null ? Health.down().withDetail("error", "base DN not found") : Health.up();
            builder.withDetail("baseDn", baseDn).withDetail("availableConnections", pool.getCurrentAvailableConnections());
            Map<String, String> problems = groupProblems();
            if (!problems.isEmpty()) {
                builder.withDetail("groups", problems);
            }
            return builder.build();
        } catch (LDAPException e) {
            return Health.down().withDetail("baseDn", baseDn).withDetail("error", LdapErrors.map(e, "Reading the base DN").getMessage())
                    .build();
        }
    }

    /** Problems by group name, in configuration order. */
    private Map<String, String> groupProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        ManagedGroups groups = managedGroups.getIfAvailable();
        for (ManagedGroup group : groups == null ? List.<ManagedGroup>of() : groups.managedGroups()) {
            try {
                Optional<String> problem = group.problem(membership.findGroup(group.dn(), group.objectGuid()));
                problem.ifPresent(p -> problems.put(group.name(), p));
            } catch (DirectoryException e) {
                problems.put(group.name(), e.getMessage());
            }
        }
        return problems;
    }
}
