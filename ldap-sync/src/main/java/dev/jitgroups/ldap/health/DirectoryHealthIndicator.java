package dev.jitgroups.ldap.health;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.jitgroups.ldap.errors.LdapErrors;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP when the base DN can be read through the pool; DOWN with the reason otherwise (no secrets in the details). */
public final class DirectoryHealthIndicator implements HealthIndicator {

    private final LDAPConnectionPool pool;
    private final String baseDn;

    public DirectoryHealthIndicator(LDAPConnectionPool pool, String baseDn) {
        this.pool = pool;
        this.baseDn = baseDn;
    }

    @Override
    public Health health() {
        try {
            SearchResultEntry base = pool.getEntry(baseDn, "1.1");
            Health.Builder builder = base == null ? Health.down().withDetail("error", "base DN not found") : Health.up();
            return builder.withDetail("baseDn", baseDn)
                    .withDetail("availableConnections", pool.getCurrentAvailableConnections()).build();
        } catch (LDAPException e) {
            return Health.down().withDetail("baseDn", baseDn).withDetail("error", LdapErrors.map(e, "Reading the base DN").getMessage())
                    .build();
        }
    }
}
