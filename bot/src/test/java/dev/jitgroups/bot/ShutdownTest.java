package dev.jitgroups.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a grant is being applied, on the application as deployed: its own JVM, its default H2 file database
 * under {@code ./data}, and a directory (in this JVM) that holds the write of the membership until the test lets it
 * go, while the apply job has its database transaction open. The job must finish, or be put back for a later run, and
 * the database must not be closed under it ("Database is already closed", the execution left picked until the
 * dead-execution timeout).
 */
class ShutdownTest {

    private static final String HELPDESK = "CN=JIT Helpdesk Ops,OU=Privileged,DC=corp,DC=example";
    private static final String ALICE_SID = "S-1-5-21-1111111111-2222222222-3333333333-1101";
    private static final String ALICE = "CN=Alice Adams,OU=People,DC=corp,DC=example";
    private static final String BIND_DN = "CN=JIT Groups Service,CN=Users,DC=corp,DC=example";
    private static final String PASSWORD = "shutdown-test-only";

    @Test
    void a_grant_being_applied_at_sigterm_is_finished_before_the_database_closes(@TempDir Path dir) throws Exception {
        UUID request = approvedRequestWaitingToBeApplied(dir);
        Process app = null;
        try (HeldDirectory ldap = new HeldDirectory()) {
            app = start(dir, ldap, "20s");
            ldap.awaitHeld(app, dir);

            app.destroy();
            Thread.sleep(1_500);
            ldap.letGo();

            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as(log(dir)).isTrue();
            assertCleanShutdown(dir);
            assertThat(status(dir, request)).as(log(dir)).isEqualTo("ACTIVE");
            assertThat(ldap.isMember(ALICE)).isTrue();
        } finally {
            stop(app);
        }
    }

    @Test
    void a_grant_still_being_applied_when_the_wait_ends_is_put_back_to_be_applied_later(@TempDir Path dir)
            throws Exception {
        UUID request = approvedRequestWaitingToBeApplied(dir);
        Process app = null;
        try (HeldDirectory ldap = new HeldDirectory()) {
            app = start(dir, ldap, "1s");
            ldap.awaitHeld(app, dir);

            app.destroy();

            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as(log(dir)).isTrue();
            assertCleanShutdown(dir);
            assertThat(status(dir, request)).isEqualTo("APPROVED");
            assertThat(count(dir, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'apply' AND task_instance = ?",
                    request.toString())).as("the apply job is still scheduled").isOne();
        } finally {
            stop(app);
        }
    }

    private static void assertCleanShutdown(Path dir) throws Exception {
        String log = log(dir);
        assertThat(log).contains("Shutting down Scheduler").doesNotContainIgnoringCase("already closed")
                .doesNotContain("Failed while completing execution");
        assertThat(count(dir, "SELECT COUNT(*) FROM scheduled_tasks WHERE picked")).as(log).isZero();
    }

    /** The database as the application creates it, with an approved helpdesk request for alice and its apply job. */
    private static UUID approvedRequestWaitingToBeApplied(Path dir) throws Exception {
        Flyway.configure().dataSource(url(dir), "sa", "").load().migrate();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = DriverManager.getConnection(url(dir), "sa", "")) {
            update(db, "INSERT INTO access_request (id, group_name, requester_id, requester_dn, requester_upn, requester_sam, "
                    + "requester_name, duration_seconds, break_glass, status, created_at, updated_at, version) "
                    + "VALUES (?, 'helpdesk', ?, ?, 'alice@corp.example', 'alice', 'Alice Adams', 1800, FALSE, 'APPROVED', ?, ?, 0)",
                    id, ALICE_SID, ALICE, now, now);
            update(db, "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, consecutive_failures, "
                    + "version, priority) VALUES ('apply', ?, ?, FALSE, 0, 1, 0)", id.toString(), now);
        }
        return id;
    }

    private static void update(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    private static String status(Path dir, UUID request) throws Exception {
        try (Connection db = DriverManager.getConnection(url(dir), "sa", "");
                PreparedStatement st = db.prepareStatement("SELECT status FROM access_request WHERE id = ?")) {
            st.setObject(1, request);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int count(Path dir, String sql, Object... params) throws Exception {
        try (Connection db = DriverManager.getConnection(url(dir), "sa", "");
                PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Where the application keeps its database when it runs in {@code dir} (its default, {@code ./data}). */
    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("data/jitgroups");
    }

    /** The bot application in a JVM of its own, working in {@code dir}, on the given directory. */
    private static Process start(Path dir, HeldDirectory ldap, String shutdownMaxWait) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, JitGroupsApplication.class.getName(), "--server.port=0",
                "--jit.ldap.urls[0]=ldap://127.0.0.1:" + ldap.port(), "--jit.ldap.allow-plain=true",
                "--jit.ldap.bind-dn=" + BIND_DN, "--jit.ldap.password=" + PASSWORD, "--jit.ldap.base-dn=DC=corp,DC=example",
                "--jit.ldap.response-timeout=90s", "--db-scheduler.shutdown-max-wait=" + shutdownMaxWait,
                // local mode (no app id) on a directory other than the embedded one: a test forest, said so explicitly
                "--jit.bot.allow-real-directory-in-local-mode=true"));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile()).start();
    }

    /** Never leaves the application running when a test fails early. */
    private static void stop(Process app) throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("app.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The demo forest on loopback; a change of the helpdesk group's members waits until {@link #letGo()}. */
    static final class HeldDirectory extends InMemoryOperationInterceptor implements AutoCloseable {

        private final InMemoryDirectoryServer server;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch go = new CountDownLatch(1);

        HeldDirectory() throws Exception {
            InMemoryDirectoryServerConfig config = EmbeddedDirectory.config("DC=corp,DC=example", 0);
            config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
            config.addInMemoryOperationInterceptor(this);
            server = new InMemoryDirectoryServer(config);
            try (InputStream demo = EmbeddedDirectory.class.getResourceAsStream(EmbeddedDirectory.DEMO_FOREST)) {
                EmbeddedDirectory.seed(server, demo);
            }
            server.startListening();
        }

        int port() {
            return server.getListenPort();
        }

        @Override
        public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
            try {
                if (new DN(request.getRequest().getDN()).equals(new DN(HELPDESK))) {
                    held.countDown();
                    go.await(90, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Waits until the application has started and its apply job is held in the write of the membership. */
        void awaitHeld(Process app, Path dir) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (held.getCount() > 0 || !log(dir).contains("Started JitGroupsApplication")) {
                assertThat(app.isAlive()).as(log(dir)).isTrue();
                assertThat(System.nanoTime()).as("start-up took too long: " + log(dir)).isLessThan(deadline);
                Thread.sleep(200);
            }
        }

        void letGo() {
            go.countDown();
        }

        boolean isMember(String dn) throws Exception {
            try (LDAPConnection ldap = server.getConnection()) {
                String[] members = ldap.getEntry(HELPDESK, "member").getAttributeValues("member");
                return members != null && List.of(members).stream().anyMatch(m -> {
                    try {
                        return new DN(m).equals(new DN(dn));
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }

        @Override
        public void close() {
            letGo();
            server.shutDown(true);
        }
    }
}
