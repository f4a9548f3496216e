package dev.jitgroups.core.audit;

import java.time.Instant;

/**
 * What is about to be audited: who did what, to which request and group, with which outcome and why.
 *
 * @param actor account id or name of who acted ({@code system} for jobs)
 * @param action e.g. {@code request.submitted}, {@code directory.member-added}, {@code drift.detected}
 * @param requestId the request concerned, or null
 * @param subject whose access it is about (the requester's UPN, or a member DN for drift)
 * @param outcome {@code ok}, {@code refused}, {@code failed}, {@code retrying}
 * @param detail why: justification, deny comment, error text
 */
public record AuditEntry(Instant at, String actor, String action, String requestId, String group, String subject,
        String outcome, String detail) {
}
