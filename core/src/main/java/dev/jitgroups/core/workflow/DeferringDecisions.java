package dev.jitgroups.core.workflow;

import dev.jitgroups.core.approval.DeferredDecision;
import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.SettledDecision;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.RequestRules;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions made while the directory cannot be reached. The tap is kept durably (a job, audited) instead of being
 * lost or counted unchecked; when the directory answers again the approver is looked up and the decision goes through
 * {@link DecidingRequests} like any tap, with every rule (fail closed). The approver is then told the outcome.
 */
@Service
public class DeferringDecisions {

    private final AccessRequestStore store;
    private final AccountDirectory directory;
    private final DecidingRequests deciding;
    private final PolicyCatalog catalog;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final NotificationPort notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DeferringDecisions(AccessRequestStore store, AccountDirectory directory, DecidingRequests deciding,
            PolicyCatalog catalog, JobQueue jobs, AuditLog audit, NotificationPort notifications,
            TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.deciding = deciding;
        this.catalog = catalog;
        this.jobs = jobs;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** Keeps the decision until the directory answers; refused when there is nothing left to decide. */
    public Outcome defer(DeferredDecision d) {
        if (d.comment().length() > DecidingRequests.MAX_COMMENT) {
            return Outcome.refused(new Refusal.CommentTooLong(DecidingRequests.MAX_COMMENT));
        }
        Optional<AccessRequest> found = store.find(d.request());
        if (found.isEmpty()) {
            return Outcome.refused(new Refusal.RequestNotFound());
        }
        AccessRequest r = found.get();
        if (r.status() != RequestStatus.PENDING_APPROVAL) {
            return Outcome.refused(new Refusal.NotPending(r.status(), r.closedBy().orElse(null)));
        }
        Boolean fresh = tx.execute(s -> {
            if (!jobs.deferDecision(d)) {
                return false;
            }
            audit.append(new AuditEntry(clock.instant(), d.approverReference(), d.approve() ? "request.approve-deferred"
                    : "request.deny-deferred", r.id().toString(), r.groupName(), r.requester().userPrincipalName(),
                    "deferred", "the approver's rights could not be checked (Active Directory or Microsoft Graph did not "
                    + "answer); the decision counts once they are confirmed"
                    + (d.comment().isEmpty() ? "" : "; " + d.comment())));
            return true;
        });
        return Boolean.TRUE.equals(fresh) ? new Outcome.Done(r) : Outcome.refused(new Refusal.DecisionAlreadyWaiting());
    }

    /**
     * Checks a kept decision against the directory and applies it. A directory still down is thrown (the job runs
     * again later); deciding twice is harmless, so a retry after a failed notice changes nothing.
     */
    public void settle(DeferredDecision d) {
        Optional<AccessRequest> request = store.find(d.request());
        Optional<GroupPolicy> policy = request.flatMap(r -> catalog.find(r.groupName()));
        if (request.isEmpty() || policy.isEmpty()) {
            return;
        }
        Optional<Account> approver = directory.findUser(d.approverReference());
        Refusal refusal = null;
        if (approver.isEmpty()) {
            refusal = new Refusal.NotAnApprover(RequestRules.group(policy.get()));
        } else if (!alreadyCounted(request.get(), approver.get(), d)) {
            Outcome outcome = deciding.decide(new DecideCommand(d.request(), approver.get(), d.approve(), d.comment()));
            refusal = outcome instanceof Outcome.Refused r ? r.refusal() : null;
        }
        AccessRequest now = store.find(d.request()).orElse(request.get());
        notifications.decisionSettled(new SettledDecision(d, now, policy.get(), approver, refusal == null, refusal));
    }

    private static boolean alreadyCounted(AccessRequest r, Account approver, DeferredDecision d) {
        if (d.approve()) {
            return r.hasApprovalFrom(approver.id());
        }
        return r.status() == RequestStatus.DENIED && r.closedBy().map(approver.displayName()::equals).orElse(false);
    }
}
