package dev.jitgroups.core.notification;

/**
 * Tells people what happened. Called from durable jobs: an exception makes the job retry later, so
 * implementations should throw only for faults worth retrying (the Bot Connector unreachable, say).
 */
public interface NotificationPort {

    void requestChanged(RequestNotice notice);

    void drift(DriftNotice notice);
}
