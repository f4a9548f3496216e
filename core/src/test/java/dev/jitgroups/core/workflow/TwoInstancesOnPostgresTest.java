package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import dev.jitgroups.core.testing.PostgresTestDatabase;
import dev.jitgroups.core.testing.SharedDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two application instances on one PostgreSQL database: every job runs once, whichever instance picks it. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+",
        disabledReason = "no PostgreSQL configured (JIT_TEST_POSTGRES_URL); .ci/run starts one")
class TwoInstancesOnPostgresTest {

    private static ConfigurableApplicationContext instance(String name, String url) {
        return new SpringApplicationBuilder(CoreTestApplication.class, SharedDirectory.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + System.getenv().getOrDefault("JIT_TEST_POSTGRES_USER", "jitgroups"),
                "--db-scheduler.scheduler-name=" + name);
    }

    @Test
    void thirty_grants_submitted_to_one_instance_are_each_applied_and_expired_exactly_once() {
        String url = PostgresTestDatabase.freshSchema("two_instances");
        FakeDirectory directory = SharedDirectory.DIRECTORY;
        int addsBefore = directory.adds();
        int removesBefore = directory.removes();
        try (ConfigurableApplicationContext a = instance("instance-a", url);
                ConfigurableApplicationContext b = instance("instance-b", url)) {
            RequestingAccess requesting = a.getBean(RequestingAccess.class);
            List<RequestId> ids = new ArrayList<>();
            for (int i = 1; i <= FakeDirectory.BULK_USER_COUNT; i++) {
                Outcome o = requesting.submit(new SubmitCommand(directory.find(String.format("bulk%02d", i)), "bulk-ops",
                        Duration.ofSeconds(3), null, null));
                ids.add(((Outcome.Done) o).request().id());
            }
            AccessRequestStore store = b.getBean(AccessRequestStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> store.find(id).orElseThrow().status() == RequestStatus.EXPIRED));
            await().atMost(Duration.ofSeconds(30)).until(() -> directory.directMemberDns(FakeDirectory.BULK).isEmpty());

            assertThat(directory.adds() - addsBefore).isEqualTo(FakeDirectory.BULK_USER_COUNT);
            assertThat(directory.removes() - removesBefore).isEqualTo(FakeDirectory.BULK_USER_COUNT);
            JdbcClient jdbc = b.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'directory.member-added'")
                    .query(Long.class).single()).isEqualTo(FakeDirectory.BULK_USER_COUNT);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'directory.member-removed'")
                    .query(Long.class).single()).isEqualTo(FakeDirectory.BULK_USER_COUNT);
        }
    }
}
