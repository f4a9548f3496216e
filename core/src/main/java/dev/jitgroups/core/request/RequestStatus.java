package dev.jitgroups.core.request;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of an access request. Each status lists the statuses it may move to. */
public enum RequestStatus {
    PENDING_APPROVAL,
    APPROVED,
    ACTIVE,
    EXPIRED,
    DENIED,
    CANCELLED,
    TIMED_OUT,
    REVOKED,
    FAILED;

    /** Statuses reachable from this one; a status listing itself allows in-place changes (an approval, an extension). */
    public Set<RequestStatus> next() {
        return switch (this) {
            case PENDING_APPROVAL -> EnumSet.of(PENDING_APPROVAL, APPROVED, DENIED, CANCELLED, TIMED_OUT);
            case APPROVED -> EnumSet.of(ACTIVE, FAILED);
            case ACTIVE -> EnumSet.of(ACTIVE, EXPIRED, REVOKED);
            default -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    /** No further transitions. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Words for people: "pending approval", "timed out". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
