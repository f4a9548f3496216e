package dev.jitgroups.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the notices of one request in the order of its transitions: "approved" before "effective in AD", although
 * both are queued moments apart and run on different scheduler threads. A notice waits while an older notice of the
 * same request is being sent or about to be; when the older one waits for a retry (Teams down), this one is retried
 * after it, too.
 */
@Component
class NoticeOrder {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 50;

    private final JdbcTemplate jdbc;

    NoticeOrder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns once no older notice of the request is pending (or after a few seconds of waiting for one that is being
     * sent), so that this one goes out after it.
     *
     * @throws OlderNoticeWaiting when an older notice waits for a retry: this one must wait as long
     */
    void awaitOlder(String requestId, long version) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            List<Older> older = olderThan(requestId, version);
            if (older.isEmpty()) {
                return;
            }
            if (older.stream().anyMatch(o -> !o.picked() && o.due().isAfter(Instant.now().plusSeconds(1)))) {
                throw new OlderNoticeWaiting(requestId);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Older> olderThan(String requestId, long version) {
        return jdbc.query("SELECT task_instance, picked, execution_time FROM scheduled_tasks WHERE task_name = ? "
                + "AND task_instance LIKE ?", (rs, n) -> new Older(versionOf(rs.getString(1)), rs.getBoolean(2),
                rs.getObject(3, OffsetDateTime.class).toInstant()), JobTasks.NOTICE_TASK, requestId + "/%")
                .stream().filter(o -> o.version() < version).toList();
    }

    static long versionOf(String instanceId) {
        return Long.parseLong(instanceId.substring(instanceId.lastIndexOf('/') + 1));
    }

    private record Older(long version, boolean picked, Instant due) {
    }

    /** An older notice of the same request waits for a retry; this one is retried after it. */
    static final class OlderNoticeWaiting extends RuntimeException {
        OlderNoticeWaiting(String requestId) {
            super("an older notice of request " + requestId + " waits for a retry; this one follows it");
        }
    }
}
