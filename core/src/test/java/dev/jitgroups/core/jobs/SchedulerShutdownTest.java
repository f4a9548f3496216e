package dev.jitgroups.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/** What the shutdown step does to the task table once db-scheduler has stopped. */
class SchedulerShutdownTest {

    private final DataSource db = new DriverManagerDataSource("jdbc:h2:mem:scheduler-shutdown-" + System.nanoTime()
            + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(db);

    @Test
    void releases_what_this_instance_still_has_picked_and_leaves_other_instances_alone() {
        Flyway.configure().dataSource(db).load().migrate();
        SchedulerShutdown shutdown = new SchedulerShutdown(db, new MockEnvironment());
        SchedulerShutdown otherInstance = new SchedulerShutdown(db, new MockEnvironment());
        picked("apply", "ours", shutdown.name());
        picked("remove", "theirs", otherInstance.name());

        shutdown.destroy();

        assertThat(jdbc.queryForList("SELECT task_instance FROM scheduled_tasks WHERE picked", String.class))
                .containsExactly("theirs");
        assertThat(jdbc.queryForObject("SELECT version FROM scheduled_tasks WHERE task_instance = 'ours'", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT picked_by FROM scheduled_tasks WHERE task_instance = 'ours'", String.class))
                .isNull();
    }

    @Test
    void each_instance_gets_a_name_of_its_own_unless_one_is_configured() {
        assertThat(new SchedulerShutdown(db, new MockEnvironment()).name())
                .isNotEqualTo(new SchedulerShutdown(db, new MockEnvironment()).name());
        assertThat(new SchedulerShutdown(db, new MockEnvironment().withProperty("db-scheduler.scheduler-name", "jit-1"))
                .schedulerName()).hasValueSatisfying(n -> assertThat(n.getName()).isEqualTo("jit-1"));
    }

    private void picked(String task, String instance, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, "
                + "consecutive_failures, version, priority) VALUES (?, ?, ?, TRUE, ?, ?, 0, 1, 0)", task, instance, now, by, now);
    }
}
