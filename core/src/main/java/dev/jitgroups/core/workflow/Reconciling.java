package dev.jitgroups.core.workflow;

import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.GroupMember;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.Removal;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares each managed group's actual members with its active grants plus its permanent members, by objectSid.
 * Members that nothing covers are drift: reported once (audited, logged, told to the group's channel) and, in
 * enforce mode, removed. Active grants whose account is no longer a member end as revoked outside JIT Groups.
 * Each group is handled on its own, so one unreachable group does not stop the others.
 */
@Service
public class Reconciling {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciling.class);

    private final PolicyCatalog catalog;
    private final AccessRequestStore store;
    private final AccountDirectory accounts;
    private final GroupMembership membership;
    private final ManagedGroupChecks groups;
    private final DriftLedger ledger;
    private final EndingOutside outside;
    private final NotificationPort notifications;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Reconciling(PolicyCatalog catalog, AccessRequestStore store, AccountDirectory accounts,
            GroupMembership membership, ManagedGroupChecks groups, DriftLedger ledger, EndingOutside outside,
            NotificationPort notifications, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.accounts = accounts;
        this.membership = membership;
        this.groups = groups;
        this.ledger = ledger;
        this.outside = outside;
        this.notifications = notifications;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Result for one group.
     *
     * @param uncovered DNs of the members found without cover
     * @param removed true when enforce mode removed some of them
     * @param reported DNs of the uncovered members reported in this run (the ones not reported before)
     */
    public record GroupDrift(String group, List<String> uncovered, boolean removed, List<String> reported) {
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
        Optional<ManagedGroupChecks.Problem> problem = groups.check(policy);
        if (problem.isPresent()) {
            LOG.warn("reconciliation of {} skipped: {}", policy.name(), problem.get().text());
            return new GroupDrift(policy.name(), List.of(), false, List.of());
        }
        Instant now = clock.instant();
        // grants first: a grant read as ACTIVE here had its member added (and read back) before the members are read
        List<AccessRequest> grants = store.findByGroup(policy.name(), EnumSet.of(RequestStatus.ACTIVE,
                RequestStatus.APPROVED));
        List<GroupMember> members = membership.directMembers(policy.dn());
        MemberComparison.Result found = MemberComparison.compare(grants, permanentSids(policy), members, now);
        found.missing().forEach(grant -> outside.endIfStillMissing(grant.id(), policy));
        List<GroupMember> uncovered = found.uncovered();
        Set<String> fresh = ledger.record(policy.name(), uncovered, now);
        Set<String> handled = new HashSet<>();
        List<GroupMember> removed = new ArrayList<>();
        if (enforce) {
            for (GroupMember member : uncovered) {
                removeUncovered(policy, member, handled, removed);
            }
        }
        List<GroupMember> reported = uncovered.stream().filter(m -> fresh.contains(m.key()) && !handled.contains(m.key()))
                .toList();
        report(policy, reported);
        if (!removed.isEmpty()) {
            notifications.drift(new DriftNotice(policy, dns(removed), true));
        }
        return new GroupDrift(policy.name(), dns(uncovered), !removed.isEmpty(), dns(reported));
    }

    private Set<String> permanentSids(GroupPolicy policy) {
        Set<String> sids = new HashSet<>();
        for (PrincipalRef ref : policy.permanentMembers()) {
            if (ref instanceof PrincipalRef.User u) {
                accounts.findUser(u.reference()).map(Account::id).ifPresent(sids::add);
            }
        }
        return sids;
    }

    /**
     * Removes one uncovered member, unless a grant of theirs began since the members were read: checked under the
     * lock of their grants, which an apply holds while it adds them.
     */
    private void removeUncovered(GroupPolicy policy, GroupMember member, Set<String> handled, List<GroupMember> removed) {
        try {
            Boolean done = tx.execute(s -> {
                if (member.sid().isPresent()) {
                    String sid = member.sid().get();
                    store.lockGrantsOf(sid, policy.name());
                    if (store.findByRequester(sid, EnumSet.of(RequestStatus.ACTIVE, RequestStatus.APPROVED)).stream()
                            .anyMatch(r -> r.groupName().equals(policy.name()))) {
                        return false;
                    }
                    if (membership.remove(member.ref().orElseThrow(), policy.dn()) != Removal.REMOVED) {
                        return false;
                    }
                } else {
                    membership.removeMemberValue(member.dn(), policy.dn());
                }
                audit.append(drift(policy, member, "removed"));
                return true;
            });
            handled.add(member.key());
            if (Boolean.TRUE.equals(done)) {
                removed.add(member);
                LOG.warn("Removed {}{} from {} ({}): no active grant or permanent membership covers it", member.dn(),
                        member.sid().map(s -> " (" + s + ")").orElse(""), policy.name(), policy.dn());
            }
        } catch (DirectoryException e) {
            LOG.warn("Could not remove {} from {} (no grant covers it): {}", member.dn(), policy.name(), e.getMessage());
        }
    }

    private void report(GroupPolicy policy, List<GroupMember> reported) {
        if (reported.isEmpty()) {
            return;
        }
        reported.forEach(m -> LOG.warn("Drift in {} ({}): {}{} is a member without an active grant or permanent "
                + "membership", policy.name(), policy.dn(), m.dn(), m.sid().map(s -> " (" + s + ")").orElse("")));
        tx.executeWithoutResult(s -> reported.forEach(m -> audit.append(drift(policy, m, "reported"))));
        notifications.drift(new DriftNotice(policy, dns(reported), false));
    }

    private AuditEntry drift(GroupPolicy policy, GroupMember member, String outcome) {
        return new AuditEntry(clock.instant(), GrantJobs.SYSTEM, "drift.detected", null, policy.name(),
                member.dn().toString(), outcome, "member of " + policy.dn() + member.sid().map(s -> " (" + s + ")").orElse("")
                + " without an active grant or permanent membership");
    }

    private static List<String> dns(List<GroupMember> members) {
        return members.stream().map(m -> m.dn().toString()).sorted().toList();
    }
}
