package dev.jitgroups.core.policy;

import java.util.List;

/**
 * One managed group exactly as written in configuration ({@code jit.groups[n]}), before validation. Every
 * field may be missing; {@link PolicyValidation} turns it into a {@link GroupPolicy} or says what is wrong.
 */
public record PolicySource(
        String name,
        String displayName,
        String dn,
        List<String> eligible,
        String maxDuration,
        String defaultDuration,
        Boolean justificationRequired,
        TicketSource ticket,
        List<String> approvers,
        Integer requiredApprovals,
        String approvalTimeout,
        String reminderAfter,
        List<String> escalationApprovers,
        Boolean breakGlass,
        String notifyChannel,
        List<String> permanentMembers) {

    /** {@code ticket: { required: true, pattern: "INC\\d{6}" }}. */
    public record TicketSource(Boolean required, String pattern) {
    }
}
