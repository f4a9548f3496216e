package dev.jitgroups.core.workflow;

import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.MemberRef;
import dev.jitgroups.core.directory.Removal;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the durable jobs do. Each handler is idempotent: it re-reads the request and does nothing when
 * the work is already done. A retryable directory failure is thrown so that the job runs again later;
 * a permanent one fails the request (apply) or is reported and retried (removal never gives up).
 */
@Service
public class GrantJobs {

    private static final Logger LOG = LoggerFactory.getLogger(GrantJobs.class);
    static final String SYSTEM = "system";

    private final PolicyCatalog catalog;
    private final AccessRequestStore store;
    private final GroupMembership membership;
    private final Transitions transitions;
    private final AuditLog audit;
    private final JobQueue jobs;
    private final CoreSettings settings;
    private final ManagedGroupChecks groups;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateTx;
    private final Clock clock;

    public GrantJobs(PolicyCatalog catalog, AccessRequestStore store, GroupMembership membership,
            Transitions transitions, AuditLog audit, JobQueue jobs, CoreSettings settings, ManagedGroupChecks groups,
            TransactionTemplate tx, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.membership = membership;
        this.transitions = transitions;
        this.audit = audit;
        this.jobs = jobs;
        this.settings = settings;
        this.groups = groups;
        this.tx = tx;
        this.separateTx = new TransactionTemplate(tx.getTransactionManager());
        this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Adds the member and marks the request ACTIVE. */
    public void apply(RequestId id) {
        transitions.runLockingGrants(id, r -> {
            if (r.status() != RequestStatus.APPROVED) {
                return new Transitions.Keep();
            }
            Optional<GroupPolicy> policy = catalog.find(r.groupName());
            Instant now = clock.instant();
            if (policy.isEmpty()) {
                return failed(r, "the group " + r.groupName() + " is no longer managed by JIT Groups", now);
            }
            MemberRef added;
            try {
                added = membership.add(r.requester().member(), policy.get().dn(), now.plus(r.duration()));
            } catch (DirectoryException e) {
                if (!e.retryable()) {
                    return failed(r, e.getMessage(), now);
                }
                auditFirstFailure(r, "directory.add-member", "retrying", e.getMessage(), false);
                throw e;
            }
            AccessRequest active = r.activate(now).withRequesterSeenAs(added);
            Instant end = active.endsAt().orElseThrow();
            Transitions.Change change = new Transitions.Change(active, SYSTEM, "directory.member-added",
                    added.lastKnownDn() + " (" + added.sid() + ") added to " + policy.get().dn() + " until " + end)
                    .job(JobKind.EXPIRE, end).notice(NoticeKind.EFFECTIVE);
            Instant warnAt = end.minus(settings.expiryWarning());
            if (warnAt.isAfter(now)) {
                change.job(JobKind.EXPIRY_WARNING, warnAt);
            }
            return change;
        });
    }

    private Transitions.Change failed(AccessRequest r, String why, Instant now) {
        return new Transitions.Change(r.fail(why, now), SYSTEM, "directory.add-member-failed", why)
                .notice(NoticeKind.FAILED);
    }

    /** At the end of the window: EXPIRED, then the removal job (which checks for overlapping grants). */
    public void expire(RequestId id) {
        transitions.run(id, r -> {
            if (r.status() != RequestStatus.ACTIVE || r.endsAt().isEmpty()) {
                return new Transitions.Keep();
            }
            Instant now = clock.instant();
            if (r.endsAt().get().isAfter(now)) {
                // extended after this run was scheduled: come back at the new end
                jobs.reschedule(JobKind.EXPIRE, id, r.endsAt().get());
                return new Transitions.Keep();
            }
            return new Transitions.Change(r.expire(now), SYSTEM, "request.expired", "window ended "
                    + r.endsAt().get()).job(JobKind.REMOVE, now);
        });
    }

    /**
     * Removes the member unless another active grant of the same user for the same group still covers
     * them. Runs under the lock of that user's grants, so it never interleaves with an apply.
     */
    public void remove(RequestId id) {
        tx.executeWithoutResult(status -> {
            AccessRequest r = store.find(id).orElse(null);
            if (r == null || (r.status() != RequestStatus.EXPIRED && r.status() != RequestStatus.REVOKED)) {
                return;
            }
            store.lockGrantsOf(r.requester().id(), r.groupName());
            Instant now = clock.instant();
            List<AccessRequest> stillActive = store.findByRequester(r.requester().id(),
                    EnumSet.of(RequestStatus.ACTIVE)).stream()
                    .filter(o -> o.groupName().equals(r.groupName()) && !o.id().equals(r.id()))
                    .filter(o -> o.endsAt().map(end -> end.isAfter(now)).orElse(false)).toList();
            Optional<GroupPolicy> policy = catalog.find(r.groupName());
            if (policy.isEmpty()) {
                LOG.warn("request {} ended but group {} is no longer configured; membership left to the admins",
                        id, r.groupName());
                return;
            }
            // the group as found by its objectGUID: a rename in AD must not keep anyone in it past the grant
            Dn groupDn = groups.currentDn(policy.get());
            if (!stillActive.isEmpty()) {
                audit.append(entry(r, "directory.member-kept", "ok", "still covered by request "
                        + stillActive.get(0).id() + " until " + stillActive.get(0).endsAt().orElseThrow()));
                if (r.status() == RequestStatus.EXPIRED) {
                    jobs.notify(NoticeKind.EXPIRED, r, "You keep access through your other grant until "
                            + stillActive.get(0).endsAt().orElseThrow() + ".");
                }
                return;
            }
            Removal removal;
            try {
                removal = membership.remove(r.requester().member(), groupDn);
            } catch (DirectoryException e) {
                auditFirstFailure(r, "directory.remove-member", e.retryable() ? "retrying" : "failed", e.getMessage(),
                        !e.retryable());
                throw e;
            }
            audit.append(removalEntry(r, removal, groupDn));
            if (r.status() == RequestStatus.EXPIRED) {
                jobs.notify(NoticeKind.EXPIRED, r, "");
            }
        });
    }

    /** What the removal found, confirmed by SID: removed, already gone, or the account deleted (nothing to do). */
    private AuditEntry removalEntry(AccessRequest r, Removal removal, Dn groupDn) {
        String who = r.requester().id();
        return switch (removal) {
            case REMOVED -> entry(r, "directory.member-removed", "ok", who + " removed from " + groupDn);
            case NOT_A_MEMBER -> entry(r, "directory.member-removed", "ok", who + " was no longer a member of " + groupDn
                    + " (confirmed by SID)");
            case ACCOUNT_DELETED -> entry(r, "directory.member-gone", "ok", "the account " + who + " (last seen as "
                    + r.requester().dn() + ") no longer exists in the directory; nothing to remove from " + groupDn);
        };
    }

    /** Tells the requester that the grant ends soon. */
    public void warnExpiry(RequestId id) {
        store.find(id).filter(r -> r.status() == RequestStatus.ACTIVE)
                .filter(r -> r.endsAt().map(end -> end.isAfter(clock.instant())).orElse(false))
                .ifPresent(r -> tx.executeWithoutResult(s -> jobs.notify(NoticeKind.EXPIRING_SOON, r, "")));
    }

    /** No decision in time. */
    public void timeOut(RequestId id) {
        transitions.run(id, r -> r.status() != RequestStatus.PENDING_APPROVAL ? new Transitions.Keep()
                : new Transitions.Change(r.timeOut(clock.instant()), SYSTEM, "request.timed-out",
                "no decision in time").notice(NoticeKind.TIMED_OUT));
    }

    /** Reminds approvers, and brings in the escalation approvers. */
    public void remind(RequestId id) {
        store.find(id).filter(r -> r.status() == RequestStatus.PENDING_APPROVAL)
                .ifPresent(r -> tx.executeWithoutResult(s -> {
                    audit.append(entry(r, "request.reminder-sent", "ok", "approvers reminded; escalation approvers "
                            + "may now decide"));
                    jobs.notify(NoticeKind.REMINDER, r, "");
                }));
    }

    /**
     * Audits a failing directory change once per request, action and outcome, however often the job is retried
     * (a long outage must not flood the log), and for permanent refusals tells people once. In its own
     * transaction: the job's transaction rolls back so that the job is retried.
     */
    private void auditFirstFailure(AccessRequest r, String action, String outcome, String detail, boolean tellPeople) {
        separateTx.executeWithoutResult(s -> {
            if (audit.contains(r.id().toString(), action, outcome)) {
                return;
            }
            audit.append(entry(r, action, outcome, detail));
            if (tellPeople) {
                jobs.notify(NoticeKind.DIRECTORY_TROUBLE, r, detail);
            }
        });
    }

    private AuditEntry entry(AccessRequest r, String action, String outcome, String detail) {
        return new AuditEntry(clock.instant(), SYSTEM, action, r.id().toString(), r.groupName(),
                r.requester().userPrincipalName(), outcome, detail);
    }
}
