package dev.jitgroups.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the built jar, each its own JVM, on one PostgreSQL database and one directory, as the Compose and
 * Kubernetes examples run them. Grants of the helpdesk group (no approval) are asked of both; one instance is killed
 * (SIGKILL) while its apply jobs are inside the directory write. The survivor takes those jobs over once the dead
 * instance's heartbeats stop, and every grant is applied once and removed once.
 */
@EnabledIfEnvironmentVariable(named = SharedDatabase.URL_VARIABLE, matches = ".+",
        disabledReason = "no PostgreSQL configured (JIT_TEST_POSTGRES_URL); .ci/run starts one")
class TwoInstancesFailoverIT {

    private static final int USERS = 8;
    private static final String GRANT = "20s";
    private static final String ACCOUNT_A = "CN=JIT Groups Service A,CN=Users," + SharedForest.BASE;
    private static final String ACCOUNT_B = "CN=JIT Groups Service B,CN=Users," + SharedForest.BASE;

    @Test
    void killing_one_instance_mid_grant_leaves_every_grant_applied_once_and_removed_once(@TempDir Path dir)
            throws Exception {
        SharedDatabase db = SharedDatabase.freshSchema("ha_failover");
        try (SharedForest forest = SharedForest.start(USERS, ACCOUNT_A, ACCOUNT_B);
                ConnectorStub teams = ConnectorStub.start();
                AppProcess a = instance("instance-a", ACCOUNT_A, db, forest, dir);
                AppProcess b = instance("instance-b", ACCOUNT_B, db, forest, dir)) {
            long starting = System.nanoTime();
            a.awaitHealthy(Duration.ofMinutes(3));
            b.awaitHealthy(Duration.ofMinutes(3));
            Duration startup = Duration.ofNanos(System.nanoTime() - starting);
            forest.hold(ACCOUNT_A);

            for (int user = 1; user <= USERS; user++) {
                AppProcess to = user % 2 == 1 ? a : b;
                assertThat(to.post("/api/messages", TeamsMessage.of(SharedForest.sam(user), "request helpdesk for "
                        + GRANT, teams.url())).statusCode()).as("request of %s", SharedForest.sam(user)).isLessThan(300);
            }
            // every grant is either in the directory already (B's jobs) or waiting inside A's write
            Awaitility.await("every apply job under way").atMost(Duration.ofSeconds(60)).until(() ->
                    forest.held().size() + count(db, "ACTIVE") == USERS);
            List<DN> inDeadInstance = forest.held();
            assertThat(inDeadInstance).as("instance A has apply jobs inside the directory write").isNotEmpty();

            a.kill();
            forest.releaseHeld();
            long killed = System.nanoTime();

            // the held grants are the last to be applied: they are in the group while the others may be ending already
            Awaitility.await("the survivor applies the dead instance's grants").atMost(Duration.ofSeconds(60))
                    .until(() -> db.count("SELECT COUNT(*) FROM access_request WHERE activated_at IS NOT NULL") == USERS
                            && members(forest, inDeadInstance));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            assertThat(db.count("SELECT COUNT(*) FROM scheduled_tasks WHERE picked_by = 'instance-a'"))
                    .as("no job stays claimed by the dead instance").isZero();

            Awaitility.await("every grant expires and is removed").atMost(Duration.ofSeconds(90))
                    .until(() -> count(db, "EXPIRED") == USERS && noneMembers(forest) && db.count(
                            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name IN ('apply', 'expire', 'remove')") == 0);

            Map<String, Long> once = new HashMap<>();
            IntStream.rangeClosed(1, USERS).forEach(u -> once.put(SharedForest.sam(u) + "@corp.example", 1L));
            assertThat(db.auditCountByRequester("directory.member-added")).as("each grant applied once")
                    .isEqualTo(once);
            assertThat(db.auditCountByRequester("directory.member-removed")).as("each grant removed once")
                    .isEqualTo(once);
            for (int user = 1; user <= USERS; user++) {
                DN member = SharedForest.dnOf(user);
                assertThat(writes(forest, member, ModificationType.ADD)).as("%s added to the group", member).hasSize(1);
                assertThat(writes(forest, member, ModificationType.DELETE)).as("%s removed", member).hasSize(1);
            }
            List<DN> takenOver = new ArrayList<>(inDeadInstance);
            takenOver.removeAll(forest.landed());
            for (DN member : takenOver) {
                assertThat(writes(forest, member, ModificationType.ADD)).extracting(SharedForest.Write::serviceAccount)
                        .as("%s added by the surviving instance", member).containsExactly(normalized(ACCOUNT_B));
            }
            System.out.printf("[ha] both instances healthy after %d ms; %d grants, %d inside the killed instance's "
                    + "write, taken over and applied %d ms after the kill%n", startup.toMillis(), USERS,
                    inDeadInstance.size(), takeover.toMillis());
        } catch (Exception | AssertionError e) {
            printLogs(dir);
            throw e;
        }
    }

    /** The instances' logs into the test report: the temporary directory is gone after a failure. */
    private static void printLogs(Path dir) throws Exception {
        for (String name : List.of("instance-a", "instance-b")) {
            Path log = dir.resolve(name + ".log");
            System.out.println("----- " + name + " -----\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
        }
    }

    private static AppProcess instance(String name, String account, SharedDatabase db, SharedForest forest, Path dir)
            throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        int port = AppProcess.freePort();
        String jar = System.getProperty("jitgroups.jar", "target/jitgroups-bot-0.1.0-SNAPSHOT.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // two JVMs start at once on CI's two cores: the quick compiler only, to start sooner
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", Path.of(jar).toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + SharedDatabase.user(),
                "--jit.ldap.urls[0]=" + forest.url(), "--jit.ldap.allow-plain=true", "--jit.ldap.bind-dn=" + account,
                "--jit.ldap.base-dn=" + SharedForest.BASE,
                // local mode on a directory other than the embedded one: a test forest, said so explicitly
                "--jit.bot.allow-real-directory-in-local-mode=true",
                "--db-scheduler.scheduler-name=" + name,
                // a dead instance's jobs are taken over after 4 missed beats: 4 s here, 60 s with the defaults
                "--db-scheduler.heartbeat-interval=1s", "--db-scheduler.missed-heartbeats-limit=4"));
        Map<String, String> env = Map.of("JIT_LDAP_PASSWORD", forest.password(),
                "SPRING_DATASOURCE_PASSWORD", SharedDatabase.password());
        return AppProcess.start(name, command, home, env, dir.resolve(name + ".log"), port);
    }

    private static long count(SharedDatabase db, String status) throws Exception {
        return db.statusByRequester().values().stream().filter(status::equals).count();
    }

    private static boolean members(SharedForest forest, List<DN> users) throws Exception {
        for (DN user : users) {
            if (!forest.isMember(user)) {
                return false;
            }
        }
        return true;
    }

    private static boolean noneMembers(SharedForest forest) throws Exception {
        for (int user = 1; user <= USERS; user++) {
            if (forest.isMember(SharedForest.dnOf(user))) {
                return false;
            }
        }
        return true;
    }

    /** The writes of this member's membership that the directory carried out. */
    private static List<SharedForest.Write> writes(SharedForest forest, DN member, ModificationType type) {
        return forest.writes().stream().filter(w -> w.type() == type && w.member().equals(member)).toList();
    }

    private static String normalized(String dn) throws Exception {
        return new DN(dn).toNormalizedString();
    }

    /** A 1:1 message as Teams delivers it (local mode: no token), from the Teams user {@code 29:<sam>}. */
    static final class TeamsMessage {

        private TeamsMessage() {
        }

        static String of(String sam, String text, String serviceUrl) {
            return """
                    {"type":"message","id":"%s","timestamp":"2026-11-30T08:00:00.000Z","serviceUrl":"%s",
                     "channelId":"msteams","from":{"id":"29:%s","name":"%s","aadObjectId":"%s"},
                     "conversation":{"id":"a:chat-%s","conversationType":"personal","tenantId":"%s"},
                     "recipient":{"id":"28:jit-groups-bot","name":"JIT Groups"},
                     "channelData":{"tenant":{"id":"%s"}},"text":"%s","textFormat":"plain","locale":"en-US"}
                    """.formatted(UUID.randomUUID(), serviceUrl, sam, sam, UUID.nameUUIDFromBytes(sam.getBytes()), sam,
                    TENANT, TENANT, text);
        }

        private static final String TENANT = "72f988bf-0000-0000-0000-000000000001";
    }
}
