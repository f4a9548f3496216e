package dev.jitgroups.core.workflow;

import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares each managed group's actual members with its active grants plus its permanent members. Members
 * that nothing covers are drift: audited, reported to the group's channel and, in enforce mode, removed.
 * Each group is handled on its own, so one unreachable group does not stop the others.
 */
@Service
public class Reconciling {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciling.class);

    private final PolicyCatalog catalog;
    private final AccessRequestStore store;
    private final AccountDirectory accounts;
    private final GroupMembership membership;
    private final NotificationPort notifications;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Reconciling(PolicyCatalog catalog, AccessRequestStore store, AccountDirectory accounts,
            GroupMembership membership, NotificationPort notifications, AuditLog audit, TransactionTemplate tx,
            Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.accounts = accounts;
        this.membership = membership;
        this.notifications = notifications;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Result for one group: members found without cover, and whether they were removed. */
    public record GroupDrift(String group, List<String> uncovered, boolean removed) {
    }

    /** Reconciles every managed group; failures of one group are logged and do not stop the rest. */
    public List<GroupDrift> reconcileAll(boolean enforce) {
        List<GroupDrift> results = new ArrayList<>();
        for (GroupPolicy policy : catalog.all()) {
            try {
                results.add(reconcile(policy, enforce));
            } catch (DirectoryException e) {
                LOG.warn("reconciliation of {} skipped this round: {}", policy.name(), e.getMessage());
            }
        }
        return results;
    }

    public GroupDrift reconcile(GroupPolicy policy, boolean enforce) {
        Set<String> covered = new HashSet<>();
        List<AccessRequest> grants = store.findByGroup(policy.name(), EnumSet.of(RequestStatus.ACTIVE,
                RequestStatus.APPROVED));
        grants.forEach(g -> covered.add(normal(g.requester().dn())));
        for (PrincipalRef ref : policy.permanentMembers()) {
            if (ref instanceof PrincipalRef.User u) {
                accounts.findUser(u.reference()).ifPresent(a -> covered.add(normal(a.dn())));
            }
        }
        List<String> uncovered = membership.directMemberDns(policy.dn()).stream()
                .filter(dn -> !covered.contains(normal(dn))).sorted().toList();
        if (uncovered.isEmpty()) {
            return new GroupDrift(policy.name(), uncovered, false);
        }
        boolean removed = false;
        if (enforce) {
            for (String dn : uncovered) {
                membership.remove(new Account(dn, dn, null, null, dn, true), policy.dn());
            }
            removed = true;
        }
        boolean done = removed;
        tx.executeWithoutResult(s -> uncovered.forEach(dn -> audit.append(new AuditEntry(clock.instant(), "system",
                "drift.detected", null, policy.name(), dn, done ? "removed" : "reported",
                "member of " + policy.dn() + " without an active grant or permanent membership"))));
        notifications.drift(new DriftNotice(policy, uncovered, removed));
        return new GroupDrift(policy.name(), uncovered, removed);
    }

    /** DN comparison key: case and the spaces after separators do not matter in AD DNs. */
    static String normal(String dn) {
        return dn.toLowerCase(Locale.ROOT).replaceAll("\\s*([,=+])\\s*", "$1").strip();
    }
}
