package dev.jitgroups.core.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.jitgroups.core.approval.DeferredDecision;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.workflow.DeferringDecisions;
import dev.jitgroups.core.workflow.GrantJobs;
import dev.jitgroups.core.workflow.JobKind;
import dev.jitgroups.core.workflow.Notifying;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler task per {@link JobKind} (instance id = request id) and one for notices (instance id =
 * request id, notice kind and request version; data = extra detail). db-scheduler picks these beans up.
 */
@Configuration(proxyBeanMethods = false)
class JobTasks {

    static final String NOTICE_TASK = "notice";
    static final String DEFERRED_DECISION_TASK = "deferred-decision";

    static String taskName(JobKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Bean
    OneTimeTask<Void> applyTask(GrantJobs grants, JobSettings settings) {
        return task(JobKind.APPLY, settings, (id, ctx) -> grants.apply(id));
    }

    @Bean
    OneTimeTask<Void> expireTask(GrantJobs grants, JobSettings settings) {
        return task(JobKind.EXPIRE, settings, (id, ctx) -> grants.expire(id));
    }

    @Bean
    OneTimeTask<Void> removeTask(GrantJobs grants, JobSettings settings) {
        return task(JobKind.REMOVE, settings, (id, ctx) -> grants.remove(id));
    }

    @Bean
    OneTimeTask<Void> expiryWarningTask(GrantJobs grants, JobSettings settings) {
        return task(JobKind.EXPIRY_WARNING, settings, (id, ctx) -> grants.warnExpiry(id));
    }

    @Bean
    OneTimeTask<Void> approvalTimeoutTask(GrantJobs grants, JobSettings settings) {
        return task(JobKind.APPROVAL_TIMEOUT, settings, (id, ctx) -> grants.timeOut(id));
    }

    @Bean
    OneTimeTask<Void> approvalReminderTask(GrantJobs grants, JobSettings settings) {
        return task(JobKind.APPROVAL_REMINDER, settings, (id, ctx) -> grants.remind(id));
    }

    @Bean
    OneTimeTask<String> noticeTask(Notifying notifying, NoticeOrder order, JobSettings settings) {
        return Tasks.oneTime(NOTICE_TASK, String.class)
                .onFailure(new CappedBackoff<>(settings.retryInitial(), settings.retryMax()))
                .execute((instance, ctx) -> {
                    String[] parts = instance.getId().split("/");
                    order.awaitOlder(parts[0], NoticeOrder.versionOf(instance.getId()));
                    notifying.send(NoticeKind.valueOf(parts[1]), RequestId.parse(parts[0]),
                            instance.getData() == null ? "" : instance.getData());
                });
    }

    /** A decision made during a directory outage, retried with back-off until the directory answers. */
    @Bean
    OneTimeTask<String> deferredDecisionTask(DeferringDecisions deferring, JobSettings settings) {
        return Tasks.oneTime(DEFERRED_DECISION_TASK, String.class)
                .onFailure(new CappedBackoff<>(settings.retryInitial(), settings.retryMax()))
                .execute((instance, ctx) -> deferring.settle(decode(instance.getId(), instance.getData())));
    }

    /** Task data of a deferred decision: approve flag, approver, origin, then the comment (which may span lines). */
    static String encode(DeferredDecision d) {
        return (d.approve() ? "approve" : "deny") + "\n" + d.approverReference() + "\n" + d.origin() + "\n"
                + d.comment();
    }

    static DeferredDecision decode(String instanceId, String data) {
        String[] parts = data.split("\n", 4);
        RequestId request = RequestId.parse(instanceId.substring(0, instanceId.indexOf('/')));
        return new DeferredDecision(request, parts[1], parts[0].equals("approve"), parts.length > 3 ? parts[3] : "",
                parts.length > 2 ? parts[2] : "");
    }

    private interface Handler {
        void handle(RequestId id, ExecutionContext ctx);
    }

    private static OneTimeTask<Void> task(JobKind kind, JobSettings settings, Handler handler) {
        return Tasks.oneTime(taskName(kind))
                .onFailure(new CappedBackoff<>(settings.retryInitial(), settings.retryMax()))
                .execute((instance, ctx) -> handler.handle(RequestId.parse(instance.getId()), ctx));
    }
}
