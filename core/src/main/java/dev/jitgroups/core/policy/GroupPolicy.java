package dev.jitgroups.core.policy;

import dev.jitgroups.core.directory.Dn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A managed AD group and its policy. Instances are valid by construction: build them with
 * {@link PolicyValidation}.
 *
 * @param name short key used in chat commands and configuration, e.g. {@code tier0-admins}
 * @param requiredApprovals distinct approvals needed; 0 means no approval (straight to APPROVED)
 * @param reminderAfter when to remind approvers (and ask escalation approvers) of a pending request
 * @param breakGlass activates without approval, requires a reason, and is broadcast loudly
 * @param permanentMembers user references that may stay in the group without a grant (reconciliation)
 */
public record GroupPolicy(
        String name,
        String displayName,
        Dn dn,
        List<PrincipalRef> eligible,
        Duration maxDuration,
        Duration defaultDuration,
        boolean justificationRequired,
        TicketRule ticket,
        List<PrincipalRef> approvers,
        int requiredApprovals,
        Duration approvalTimeout,
        Optional<Duration> reminderAfter,
        List<PrincipalRef> escalationApprovers,
        boolean breakGlass,
        Optional<String> notifyChannel,
        List<PrincipalRef> permanentMembers) {

    public GroupPolicy {
        eligible = List.copyOf(eligible);
        approvers = List.copyOf(approvers);
        escalationApprovers = List.copyOf(escalationApprovers);
        permanentMembers = List.copyOf(permanentMembers);
    }

    /** True when an approved request needs no approver: break-glass or zero required approvals. */
    public boolean activatesWithoutApproval() {
        return breakGlass || requiredApprovals == 0;
    }
}
