package dev.jitgroups.core.workflow;

/** The durable jobs that follow transitions. Each is keyed by request id, so scheduling one twice is a no-op. */
public enum JobKind {
    /** Add the member in the directory, read it back, mark the request ACTIVE. */
    APPLY,
    /** At the end of the window: mark the request EXPIRED and queue the removal. */
    EXPIRE,
    /** Take the member out unless another active grant still covers the user. */
    REMOVE,
    /** Tell the requester the grant ends soon. */
    EXPIRY_WARNING,
    /** No decision in time: TIMED_OUT. */
    APPROVAL_TIMEOUT,
    /** Remind approvers and bring in escalation approvers. */
    APPROVAL_REMINDER
}
