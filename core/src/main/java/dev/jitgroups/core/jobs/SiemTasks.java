package dev.jitgroups.core.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.jitgroups.core.siem.DeliveringAudit;
import dev.jitgroups.core.siem.Round;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * SIEM delivery on db-scheduler: one job per sink (instance id = sink name) that reschedules itself forever. db-scheduler
 * runs each job on one instance at a time, so one instance sends to a sink and its events leave in order; the job
 * lives in the database, so it survives restarts. A sink that does not take events is retried with the same capped
 * back-off as every other job; such failures end the round normally (they are logged by the delivery, once), while a
 * fault of our own (the database) fails the job and is retried by {@link CappedBackoff}.
 */
@Configuration(proxyBeanMethods = false)
class SiemTasks {

    static final String TASK = "siem-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(SiemTasks.class);

    @Bean
    CustomTask<Void> siemDeliveryTask(DeliveringAudit delivering, JobSettings jobs) {
        CappedBackoff<Void> backoff = new CappedBackoff<>(jobs.retryInitial(), jobs.retryMax());
        return Tasks.custom(TASK, Void.class).onFailure(backoff)
                .execute((instance, ctx) -> next(delivering, backoff, delivering.deliver(instance.getId())));
    }

    private static CompletionHandler<Void> next(DeliveringAudit delivering, CappedBackoff<Void> backoff, Round round) {
        return (complete, ops) -> {
            Instant done = complete.getTimeDone();
            switch (round.kind()) {
                case MORE -> ops.reschedule(complete, done);
                case CAUGHT_UP -> ops.reschedule(complete, done.plus(delivering.settings().pollInterval()));
                case FAILED -> ops.reschedule(complete, done.plus(backoff.delayAfter(round.consecutiveFailures())));
                default -> ops.remove();
            }
        };
    }

    @Bean
    SiemStartup siemStartup(ObjectProvider<SchedulerClient> client, DeliveringAudit delivering, Clock clock) {
        return new SiemStartup(client, delivering, clock);
    }

    /** When the application is ready: a cursor and a delivery job for every configured sink (once across instances). */
    static final class SiemStartup {
        private final ObjectProvider<SchedulerClient> client;
        private final DeliveringAudit delivering;
        private final Clock clock;

        SiemStartup(ObjectProvider<SchedulerClient> client, DeliveringAudit delivering, Clock clock) {
            this.client = client;
            this.delivering = delivering;
            this.clock = clock;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            for (String sink : delivering.open()) {
                client.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, sink), clock.instant());
                delivering.settings().sink(sink).ifPresent(s -> LOG.info("Audit events are delivered to SIEM sink {} ({} {})",
                        sink, s.type().key(), s.target()));
            }
        }
    }
}
