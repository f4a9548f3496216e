package dev.jitgroups.core.notification;

/**
 * Tells people what happened. Called from durable jobs: an exception makes the job retry later, so
 * implementations should throw only for faults worth retrying (the Bot Connector unreachable, say).
 */
public interface NotificationPort {

    void requestChanged(RequestNotice notice);

    void drift(DriftNotice notice);

    /** Tells the approver what became of a decision they made while the directory could not be reached. */
    default void decisionSettled(SettledDecision notice) {
    }
}
