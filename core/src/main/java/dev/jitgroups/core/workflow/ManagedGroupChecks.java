package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.DirectoryGroup;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.ManagedGroup;
import dev.jitgroups.core.directory.ManagedGroups;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.core.policy.PolicyCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Checks each configured group against the directory: at start-up (a group that Entra Cloud Sync provisions stops
 * start-up, naming the key), before each reconciliation, and for the health indicator. Remembers each group's
 * objectGUID from its first resolution, so that a group renamed or moved in AD is reported with its new DN.
 */
@Component
public class ManagedGroupChecks implements ManagedGroups, SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedGroupChecks.class);

    private final PolicyCatalog catalog;
    private final GroupMembership membership;
    private final GroupIdentities identities;
    private final Clock clock;

    public ManagedGroupChecks(PolicyCatalog catalog, GroupMembership membership, GroupIdentities identities, Clock clock) {
        this.catalog = catalog;
        this.membership = membership;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public List<ManagedGroup> managedGroups() {
        return catalog.all().stream().map(this::managedGroup).toList();
    }

    private ManagedGroup managedGroup(GroupPolicy policy) {
        return new ManagedGroup(policy.name(), catalog.configKey(policy), policy.dn(), identities.objectGuid(policy.name()));
    }

    /** At start-up, after the database is migrated and before the application takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> refusals = new ArrayList<>();
        for (GroupPolicy policy : catalog.all()) {
            try {
                check(policy).ifPresent(problem -> {
                    if (problem.cloudSync()) {
                        refusals.add(problem.text());
                    } else {
                        LOG.error("{}", problem.text());
                    }
                });
            } catch (DirectoryException e) {
                // the same check runs before every reconciliation and every membership change refuses such groups
                LOG.warn("Could not check the group {} against the directory at start-up ({}); checked again before "
                        + "each reconciliation", policy.name(), e.getMessage());
            }
        }
        if (!refusals.isEmpty()) {
            throw new InvalidPolicyException(refusals);
        }
    }

    /** What is wrong with the group now, if anything; a DirectoryException when the directory cannot say. */
    public Optional<Problem> check(GroupPolicy policy) {
        ManagedGroup group = managedGroup(policy);
        Optional<DirectoryGroup> found = membership.findGroup(policy.dn(), group.objectGuid());
        if (found.isPresent() && found.get().dn().equals(policy.dn()) && found.get().cloudSyncMarker().isEmpty()
                && !found.get().objectGuid().equalsIgnoreCase(group.objectGuid().orElse(""))) {
            // first resolution, or the group was deleted and created again at the configured DN: adopt this one
            group.objectGuid().ifPresent(old -> LOG.warn("{}; managing the new group from now on",
                    group.problem(found).orElse(policy.dn().toString())));
            identities.remember(policy.name(), found.get(), clock.instant());
            return Optional.empty();
        }
        boolean cloudSync = found.flatMap(DirectoryGroup::cloudSyncMarker).isPresent();
        return group.problem(found).map(text -> new Problem(text, cloudSync));
    }

    /**
     * Where the group is now: the DN of the group with the objectGUID first seen, wherever it was moved, else the
     * configured DN. Removals use it, so that grants still end on time in a group renamed in AD before its key was
     * updated. Never a group provisioned by Cloud Sync.
     */
    public Dn currentDn(GroupPolicy policy) {
        Optional<String> guid = identities.objectGuid(policy.name());
        if (guid.isEmpty()) {
            return policy.dn();
        }
        return membership.findGroup(policy.dn(), guid)
                .filter(g -> g.objectGuid().equalsIgnoreCase(guid.get()) && g.cloudSyncMarker().isEmpty())
                .map(DirectoryGroup::dn).orElse(policy.dn());
    }

    /**
     * A problem with a managed group.
     *
     * @param text for operators, naming the configuration key to fix
     * @param cloudSync the group is provisioned by Entra Cloud Sync: JIT Groups must not manage it
     */
    public record Problem(String text, boolean cloudSync) {
    }
}
