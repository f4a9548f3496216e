package dev.jitgroups.core.notification;

import dev.jitgroups.core.approval.DeferredDecision;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import java.util.Optional;

/**
 * A decision made during a directory outage was checked once the directory answered again.
 *
 * @param request the request as it is now
 * @param approver the account the tap turned out to be, when the directory knows it
 * @param counted the decision was applied (or had been already)
 * @param refusal why it did not count, when it did not
 */
public record SettledDecision(DeferredDecision decision, AccessRequest request, GroupPolicy policy,
        Optional<Account> approver, boolean counted, Refusal refusal) {
}
