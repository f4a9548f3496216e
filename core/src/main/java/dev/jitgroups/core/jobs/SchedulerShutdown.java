package dev.jitgroups.core.jobs;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders the shutdown of durable jobs: stop taking jobs, let the running ones finish (or release them), then close
 * the database. db-scheduler's Scheduler bean is stopped by its destroy method: it takes no new jobs and gives running
 * ones {@code db-scheduler.shutdown-max-wait} to finish (then interrupts them and waits as long again). That bean is
 * built from this customizer, so Spring destroys the Scheduler first; this bean holds the DataSource, so it is
 * destroyed before the database closes. In between it releases any execution this instance still has picked, so that
 * another instance, or the next start, runs it at once rather than after the dead-execution timeout.
 *
 * <p>The release is keyed on the scheduler name, so each instance gets its own (host name plus a random suffix),
 * unless {@code db-scheduler.scheduler-name} is set, which must then differ between instances.
 */
@Component
class SchedulerShutdown implements DbSchedulerCustomizer, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerShutdown.class);

    private final JdbcTemplate jdbc;
    private final String table;
    private final String name;

    SchedulerShutdown(DataSource dataSource, Environment env) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.table = env.getProperty("db-scheduler.table-name", "scheduled_tasks");
        String configured = env.getProperty("db-scheduler.scheduler-name");
        this.name = configured != null && !configured.isBlank() ? configured
                : new SchedulerName.Hostname().getName() + "-" + randomSuffix();
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public Optional<SchedulerName> schedulerName() {
        return Optional.of(new SchedulerName.Fixed(name));
    }

    String name() {
        return name;
    }

    /** Runs after the Scheduler bean stopped and before the DataSource closes. */
    @Override
    public void destroy() {
        int released = jdbc.update("UPDATE " + table + " SET picked = ?, picked_by = NULL, last_heartbeat = NULL, "
                + "version = version + 1 WHERE picked = ? AND picked_by = ?", false, true, name);
        if (released > 0) {
            LOG.warn("Released {} job(s) that were still running at shutdown; another instance or the next start runs "
                    + "them again", released);
        }
    }
}
