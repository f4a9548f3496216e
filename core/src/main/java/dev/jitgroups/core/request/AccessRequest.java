package dev.jitgroups.core.request;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.MemberRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The access request aggregate: one user asking for time-bound membership of one managed group.
 *
 * <p>Immutable. Each transition returns a changed copy carrying the version it was read at; the store
 * writes it only if the stored version is still that one (compare-and-set), so two approvers tapping at
 * once, or Teams re-sending a tap, produce exactly one transition.
 */
public final class AccessRequest {

    private final RequestId id;
    private final String groupName;
    private final Requester requester;
    private final Duration duration;
    private final String justification;
    private final String ticket;
    private final boolean breakGlass;
    private final RequestStatus status;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant activatedAt;
    private final Instant endsAt;
    private final List<Approval> approvals;
    private final String closedBy;
    private final String reason;
    private final long version;

    public AccessRequest(RequestId id, String groupName, Requester requester, Duration duration, String justification,
            String ticket, boolean breakGlass, RequestStatus status, Instant createdAt, Instant updatedAt,
            Instant activatedAt, Instant endsAt, List<Approval> approvals, String closedBy, String reason,
            long version) {
        this.id = Objects.requireNonNull(id);
        this.groupName = Objects.requireNonNull(groupName);
        this.requester = Objects.requireNonNull(requester);
        this.duration = Objects.requireNonNull(duration);
        this.justification = justification;
        this.ticket = ticket;
        this.breakGlass = breakGlass;
        this.status = Objects.requireNonNull(status);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.activatedAt = activatedAt;
        this.endsAt = endsAt;
        this.approvals = List.copyOf(approvals);
        this.closedBy = closedBy;
        this.reason = reason;
        this.version = version;
    }

    /**
     * A new request: pending approval, or already approved when the policy needs no approval.
     */
    public static AccessRequest submit(RequestId id, String groupName, Account requester, Duration duration,
            String justification, String ticket, boolean breakGlass, boolean needsApproval, Instant now) {
        return new AccessRequest(id, groupName, Requester.of(requester), duration, blankToNull(justification),
                blankToNull(ticket), breakGlass, needsApproval ? RequestStatus.PENDING_APPROVAL : RequestStatus.APPROVED,
                now, now, null, null, List.of(), null, null, 0);
    }

    /** Records an approval; the request becomes APPROVED once {@code requiredApprovals} distinct approvers agreed. */
    public AccessRequest approve(Account approver, String comment, int requiredApprovals, Instant now) {
        if (status != RequestStatus.PENDING_APPROVAL) {
            throw new IllegalTransitionException(id, status, RequestStatus.APPROVED);
        }
        if (hasApprovalFrom(approver.id())) {
            throw new IllegalStateException(approver.id() + " already approved " + id);
        }
        List<Approval> all = new ArrayList<>(approvals);
        all.add(new Approval(approver.id(), approver.displayName(), now, blankToNull(comment)));
        RequestStatus target = all.size() >= requiredApprovals ? RequestStatus.APPROVED : RequestStatus.PENDING_APPROVAL;
        return to(target, now, all, activatedAt, endsAt, closedBy, reason);
    }

    public AccessRequest deny(Account approver, String comment, Instant now) {
        return to(RequestStatus.DENIED, now, approvals, null, null, approver.displayName(), blankToNull(comment));
    }

    public AccessRequest cancel(Instant now) {
        return to(RequestStatus.CANCELLED, now, approvals, null, null, requester.displayName(), null);
    }

    public AccessRequest timeOut(Instant now) {
        return to(RequestStatus.TIMED_OUT, now, approvals, null, null, null, "no decision in time");
    }

    /** Membership is in the directory: the window starts now. */
    public AccessRequest activate(Instant now) {
        if (status != RequestStatus.APPROVED) {
            // ACTIVE -> ACTIVE is an extension, never a second activation
            throw new IllegalTransitionException(id, status, RequestStatus.ACTIVE);
        }
        return to(RequestStatus.ACTIVE, now, approvals, now, now.plus(duration), closedBy, reason);
    }

    /** The same request with the requester as the directory has the account now (current DN, objectGUID). */
    public AccessRequest withRequesterSeenAs(MemberRef found) {
        return new AccessRequest(id, groupName, requester.seenAs(found), duration, justification, ticket, breakGlass,
                status, createdAt, updatedAt, activatedAt, endsAt, approvals, closedBy, reason, version);
    }

    /** The directory refused permanently; {@code why} is shown to people. */
    public AccessRequest fail(String why, Instant now) {
        return to(RequestStatus.FAILED, now, approvals, null, null, null, why);
    }

    public AccessRequest expire(Instant now) {
        return to(RequestStatus.EXPIRED, now, approvals, activatedAt, endsAt, null, null);
    }

    /** Ends an active grant early: the requester deactivating it, or an admin revoking it. */
    public AccessRequest revoke(String byName, String why, Instant now) {
        return to(RequestStatus.REVOKED, now, approvals, activatedAt, now, byName, blankToNull(why));
    }

    /** Moves the end of an active grant. */
    public AccessRequest extendTo(Instant newEnd, Instant now) {
        return to(RequestStatus.ACTIVE, now, approvals, activatedAt, newEnd, closedBy, reason);
    }

    private AccessRequest to(RequestStatus target, Instant now, List<Approval> newApprovals, Instant newActivatedAt,
            Instant newEndsAt, String newClosedBy, String newReason) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id, status, target);
        }
        return new AccessRequest(id, groupName, requester, duration, justification, ticket, breakGlass, target,
                createdAt, now, newActivatedAt, newEndsAt, newApprovals, newClosedBy, newReason, version);
    }

    public boolean hasApprovalFrom(String accountId) {
        return approvals.stream().anyMatch(a -> a.approverId().equalsIgnoreCase(accountId));
    }

    public boolean isRequestedBy(Account account) {
        return requester.id().equalsIgnoreCase(account.id());
    }

    /** Same request with the version the store now holds. */
    public AccessRequest withVersion(long newVersion) {
        return new AccessRequest(id, groupName, requester, duration, justification, ticket, breakGlass, status,
                createdAt, updatedAt, activatedAt, endsAt, approvals, closedBy, reason, newVersion);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public RequestId id() {
        return id;
    }

    public String groupName() {
        return groupName;
    }

    public Requester requester() {
        return requester;
    }

    public Duration duration() {
        return duration;
    }

    public Optional<String> justification() {
        return Optional.ofNullable(justification);
    }

    public Optional<String> ticket() {
        return Optional.ofNullable(ticket);
    }

    public boolean breakGlass() {
        return breakGlass;
    }

    public RequestStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> activatedAt() {
        return Optional.ofNullable(activatedAt);
    }

    public Optional<Instant> endsAt() {
        return Optional.ofNullable(endsAt);
    }

    public List<Approval> approvals() {
        return approvals;
    }

    /** Who denied or revoked it, when that is what ended it. */
    public Optional<String> closedBy() {
        return Optional.ofNullable(closedBy);
    }

    /** The deny comment, the revocation reason or the failure reason. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "AccessRequest[" + id + " " + groupName + " " + requester.userPrincipalName() + " " + status + " v"
                + version + "]";
    }
}
