package dev.jitgroups.core.workflow;

import dev.jitgroups.core.approval.ApprovalRules;
import dev.jitgroups.core.approval.Rejection;
import dev.jitgroups.core.approval.Tap;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.RequestRules;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Approving and denying. The approver is re-checked against the directory at every tap. */
@Service
public class DecidingRequests {

    private final PolicyCatalog catalog;
    private final Principals principals;
    private final AccessRequestStore store;
    private final Transitions transitions;
    private final Clock clock;

    public DecidingRequests(PolicyCatalog catalog, Principals principals, AccessRequestStore store,
            Transitions transitions, Clock clock) {
        this.catalog = catalog;
        this.principals = principals;
        this.store = store;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** True when the account may decide this request now (approvers, and escalation approvers once reminded). */
    public boolean mayDecide(Account who, AccessRequest r) {
        Optional<GroupPolicy> policy = catalog.find(r.groupName());
        if (policy.isEmpty() || !who.enabled()) {
            return false;
        }
        GroupPolicy p = policy.get();
        if (principals.covers(p.approvers(), who, Optional.of(r.requester()))) {
            return true;
        }
        boolean escalated = p.reminderAfter().map(after -> !clock.instant().isBefore(r.createdAt().plus(after)))
                .orElse(false);
        return escalated && principals.covers(p.escalationApprovers(), who, Optional.of(r.requester()));
    }

    /** Longest comment accepted with a decision. */
    public static final int MAX_COMMENT = 500;

    public Outcome decide(DecideCommand cmd) {
        if (cmd.comment() != null && cmd.comment().strip().length() > MAX_COMMENT) {
            return Outcome.refused(new Refusal.CommentTooLong(MAX_COMMENT));
        }
        Optional<AccessRequest> found = store.find(cmd.request());
        if (found.isEmpty()) {
            return Outcome.refused(new Refusal.RequestNotFound());
        }
        // directory look-ups happen once, outside the transaction; the request is re-read inside it
        boolean allowed = !found.get().isRequestedBy(cmd.approver()) && mayDecide(cmd.approver(), found.get());
        Account approver = cmd.approver();
        String action = cmd.approve() ? "request.approve" : "request.deny";
        return transitions.run(cmd.request(), r -> {
            Refusal.Group group = catalog.find(r.groupName()).map(RequestRules::group)
                    .orElse(new Refusal.Group(r.groupName(), r.groupName()));
            Optional<Rejection> rejection = ApprovalRules.check(new Tap(r, approver, cmd.approve(), allowed, group));
            if (rejection.isPresent()) {
                return new Transitions.Refuse(approver.userPrincipalName(), action, rejection.get().refusal());
            }
            Instant now = clock.instant();
            String comment = cmd.comment() == null ? "" : cmd.comment().strip();
            if (!cmd.approve()) {
                return new Transitions.Change(r.deny(approver, comment, now), approver.userPrincipalName(),
                        "request.denied", comment).notice(NoticeKind.DENIED);
            }
            GroupPolicy policy = catalog.find(r.groupName()).orElseThrow();
            AccessRequest approved = r.approve(approver, comment, policy.requiredApprovals(), now);
            if (approved.status() == RequestStatus.APPROVED) {
                return new Transitions.Change(approved, approver.userPrincipalName(), "request.approved", comment)
                        .notice(NoticeKind.APPROVED).job(JobKind.APPLY, now);
            }
            return new Transitions.Change(approved, approver.userPrincipalName(), "request.approval-recorded",
                    approved.approvals().size() + " of " + policy.requiredApprovals() + " approvals; " + comment)
                    .notice(NoticeKind.APPROVAL_RECORDED);
        });
    }
}
