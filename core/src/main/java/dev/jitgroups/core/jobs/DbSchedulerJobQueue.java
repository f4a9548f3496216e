package dev.jitgroups.core.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.jitgroups.core.approval.DeferredDecision;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.workflow.JobKind;
import dev.jitgroups.core.workflow.JobQueue;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link JobQueue} on db-scheduler. Its task table lives in our database and db-scheduler writes through a
 * transaction-aware DataSource, so a job is inserted in the caller's transaction. A job due now is picked
 * up right after that transaction commits, not at the next poll.
 */
@Component
class DbSchedulerJobQueue implements JobQueue {

    // resolved lazily: the scheduler is built from the task beans, which need the workflow, which needs us
    private final ObjectProvider<SchedulerClient> client;
    private final Clock clock;

    DbSchedulerJobQueue(ObjectProvider<SchedulerClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public void schedule(JobKind kind, RequestId id, Instant at) {
        client.getObject().scheduleIfNotExists(new TaskInstance<Void>(JobTasks.taskName(kind), id.toString()), at);
        wakeUpIfDue(at);
    }

    @Override
    public void reschedule(JobKind kind, RequestId id, Instant at) {
        TaskInstance<Void> instance = new TaskInstance<>(JobTasks.taskName(kind), id.toString());
        if (!client.getObject().scheduleIfNotExists(instance, at)) {
            client.getObject().reschedule(instance, at);
        }
        wakeUpIfDue(at);
    }

    @Override
    public boolean deferDecision(DeferredDecision decision) {
        Instant now = clock.instant();
        boolean fresh = client.getObject().scheduleIfNotExists(new TaskInstance<>(JobTasks.DEFERRED_DECISION_TASK,
                decision.key(), JobTasks.encode(decision)), now);
        wakeUpIfDue(now);
        return fresh;
    }

    @Override
    public void notify(NoticeKind kind, AccessRequest request, String detail) {
        String instanceId = request.id() + "/" + kind.name() + "/" + request.version();
        Instant now = clock.instant();
        client.getObject().scheduleIfNotExists(new TaskInstance<>(JobTasks.NOTICE_TASK, instanceId,
                detail == null ? "" : detail), now);
        wakeUpIfDue(now);
    }

    private void wakeUpIfDue(Instant at) {
        if (at.isAfter(clock.instant())) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    private void wakeUp() {
        if (client.getObject() instanceof Scheduler scheduler) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
