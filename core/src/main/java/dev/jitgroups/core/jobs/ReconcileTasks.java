package dev.jitgroups.core.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.jitgroups.core.workflow.Reconciling;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Reconciliation as a recurring db-scheduler task (one instance at a time), plus one run at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcileSettings.class)
class ReconcileTasks {

    static final String RECURRING = "reconcile";
    static final String AT_STARTUP = "reconcile-at-startup";

    @Bean
    RecurringTask<Void> reconcileTask(Reconciling reconciling, ReconcileSettings settings) {
        return Tasks.recurring(RECURRING, FixedDelay.of(settings.interval()))
                .execute((instance, ctx) -> reconciling.reconcileAll(settings.enforce()));
    }

    @Bean
    OneTimeTask<Void> reconcileAtStartupTask(Reconciling reconciling, ReconcileSettings settings) {
        return Tasks.oneTime(AT_STARTUP).execute((instance, ctx) -> reconciling.reconcileAll(settings.enforce()));
    }

    @Bean
    StartupReconciliation startupReconciliation(ObjectProvider<SchedulerClient> client, Clock clock) {
        return new StartupReconciliation(client, clock);
    }

    /** Queues one reconciliation when the application is ready; concurrent instances queue it once. */
    static final class StartupReconciliation {
        private final ObjectProvider<SchedulerClient> client;
        private final Clock clock;

        StartupReconciliation(ObjectProvider<SchedulerClient> client, Clock clock) {
            this.client = client;
            this.clock = clock;
        }

        @EventListener(ApplicationReadyEvent.class)
        void queue() {
            client.getObject().scheduleIfNotExists(new TaskInstance<Void>(AT_STARTUP, "once"), clock.instant());
        }
    }
}
