package dev.jitgroups.core.workflow;

import dev.jitgroups.core.approval.DeferredDecision;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import java.time.Instant;

/**
 * Durable jobs. Calls join the caller's transaction: a job exists exactly when the transition that asked
 * for it committed. Implemented with db-scheduler.
 */
public interface JobQueue {

    /** Schedules the job unless it is already scheduled for this request. */
    void schedule(JobKind kind, RequestId id, Instant at);

    /** Schedules the job, or moves it when it is already scheduled. */
    void reschedule(JobKind kind, RequestId id, Instant at);

    /**
     * Keeps a decision that waits for the directory, retried until it answers.
     *
     * @return false when this person's decision on the request already waits
     */
    boolean deferDecision(DeferredDecision decision);

    /** Queues a notice about the request in the state it has now (one per kind and version). */
    void notify(NoticeKind kind, AccessRequest request, String detail);
}
