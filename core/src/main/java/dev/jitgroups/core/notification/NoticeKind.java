package dev.jitgroups.core.notification;

/** What happened to a request, as far as people need to hear about it. */
public enum NoticeKind {
    /** Requester: your request was submitted. Approvers: a decision is needed. */
    SUBMITTED,
    /** An approval was recorded but more are needed: update the cards. */
    APPROVAL_RECORDED,
    APPROVED,
    /** Membership is in the directory now. */
    EFFECTIVE,
    DENIED,
    CANCELLED,
    TIMED_OUT,
    /** Approvers (and escalation approvers) are reminded of a pending request. */
    REMINDER,
    /** The requester is told the grant ends soon and may extend it. */
    EXPIRING_SOON,
    EXTENDED,
    EXPIRED,
    REVOKED,
    FAILED,
    /** The directory keeps refusing a change that must happen (removal); retried, and people must know. */
    DIRECTORY_TROUBLE
}
