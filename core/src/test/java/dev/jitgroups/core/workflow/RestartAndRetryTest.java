package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import dev.jitgroups.core.testing.SharedDirectory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Durable jobs survive a restart of the application, and directory failures are retried until they pass. */
class RestartAndRetryTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // a command-line argument, so that it wins over application.yml's in-memory database
        return new SpringApplicationBuilder(CoreTestApplication.class, SharedDirectory.class)
                .run("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db") + ";LOCK_TIMEOUT=10000");
    }

    @Test
    void expiry_scheduled_before_a_restart_still_fires_and_a_failing_directory_is_retried() {
        FakeDirectory directory = SharedDirectory.DIRECTORY;
        RequestId id;
        try (ConfigurableApplicationContext first = start()) {
            RequestingAccess requesting = first.getBean(RequestingAccess.class);
            AccessRequest r = ((Outcome.Done) requesting.submit(new SubmitCommand(directory.find("erin"),
                    "tier0-admins", Duration.ofSeconds(4), "restart test", "INC111111"))).request();
            id = r.id();
            DecidingRequests deciding = first.getBean(DecidingRequests.class);
            deciding.decide(new DecideCommand(id, directory.find("carol"), true, null));
            deciding.decide(new DecideCommand(id, directory.find("dave"), true, null));
            AccessRequestStore store = first.getBean(AccessRequestStore.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> store.find(id).orElseThrow().status() == RequestStatus.ACTIVE);
            assertThat(directory.isDirectMember(directory.find("erin"), FakeDirectory.TIER0)).isTrue();
        }
        // the application is down when the grant ends; the directory then fails the first three removals
        directory.failNextWrites(3);

        try (ConfigurableApplicationContext second = start()) {
            AccessRequestStore store = second.getBean(AccessRequestStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.find(id).orElseThrow().status() == RequestStatus.EXPIRED
                    && !directory.isDirectMember(directory.find("erin"), FakeDirectory.TIER0));
            assertThat(directory.pendingInjectedFailures()).isZero();
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE request_id = ? AND action = ? AND outcome = ?")
                    .params(id.toString(), "directory.remove-member", "retrying").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE request_id = ? AND action = ?")
                    .params(id.toString(), "directory.member-removed").query(Long.class).single()).isEqualTo(1);
        }
    }
}
