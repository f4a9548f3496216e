package dev.jitgroups.core.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;

/**
 * Retries a failed job forever, waiting twice as long after each failure, up to a cap: a directory
 * outage delays membership changes but never drops them.
 */
final class CappedBackoff<T> implements FailureHandler<T> {

    private final Duration initial;
    private final Duration max;

    CappedBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        // a job interrupted by db-scheduler's shutdown must still be put back for a later run, and the connection pool
        // refuses to hand out connections to an interrupted thread
        Thread.interrupted();
        int failuresBefore = Math.max(0, complete.getExecution().consecutiveFailures);
        operations.reschedule(complete, complete.getTimeDone().plus(delayAfter(failuresBefore + 1)));
    }

    /** Delay after the n-th consecutive failure (n starting at 1). */
    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
