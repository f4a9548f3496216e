package dev.jitgroups.core.approval;

import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.RequestStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules every Approve/Deny tap must pass, in order; the first that rejects wins. Each rule is a
 * named pure function so that it can be read, tested and audited on its own.
 */
public final class ApprovalRules {

    private static final List<Function<Tap, Optional<Rejection>>> RULES = List.of(
            ApprovalRules::requestIsPending,
            ApprovalRules::requesterNeverApproves,
            ApprovalRules::approverAccountIsEnabled,
            ApprovalRules::approverIsAllowedNow,
            ApprovalRules::approverDecidesOnce);

    private ApprovalRules() {
    }

    public static Optional<Rejection> check(Tap tap) {
        return RULES.stream().map(r -> r.apply(tap)).flatMap(Optional::stream).findFirst();
    }

    static Optional<Rejection> requestIsPending(Tap tap) {
        RequestStatus status = tap.request().status();
        if (status == RequestStatus.PENDING_APPROVAL) {
            return Optional.empty();
        }
        return reject("request-is-pending", new Refusal.NotPending(status, tap.request().closedBy().orElse(null)));
    }

    static Optional<Rejection> requesterNeverApproves(Tap tap) {
        if (tap.request().isRequestedBy(tap.approver())) {
            return reject("requester-never-approves", new Refusal.OwnRequest());
        }
        return Optional.empty();
    }

    static Optional<Rejection> approverAccountIsEnabled(Tap tap) {
        if (!tap.approver().enabled()) {
            return reject("approver-account-enabled", new Refusal.ApproverDisabled());
        }
        return Optional.empty();
    }

    static Optional<Rejection> approverIsAllowedNow(Tap tap) {
        if (!tap.approverAllowed()) {
            return reject("approver-allowed-now", new Refusal.NotAnApprover(tap.group()));
        }
        return Optional.empty();
    }

    /** One decision per approver and request: no second approval, and no deny after one's own approval. */
    static Optional<Rejection> approverDecidesOnce(Tap tap) {
        if (!tap.request().hasApprovalFrom(tap.approver().id())) {
            return Optional.empty();
        }
        return reject("approver-decides-once", new Refusal.AlreadyDecided(!tap.approve()));
    }

    private static Optional<Rejection> reject(String rule, Refusal refusal) {
        return Optional.of(new Rejection(rule, refusal));
    }
}
