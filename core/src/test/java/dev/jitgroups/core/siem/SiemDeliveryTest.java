package dev.jitgroups.core.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.operations.AuditEndpoint;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import dev.jitgroups.core.workflow.DecideCommand;
import dev.jitgroups.core.workflow.DecidingRequests;
import dev.jitgroups.core.workflow.EndingAccess;
import dev.jitgroups.core.workflow.Outcome;
import dev.jitgroups.core.workflow.RequestingAccess;
import dev.jitgroups.core.workflow.SubmitCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, "Audit pushed to the SIEM": a TLS syslog receiver (mutual TLS) and an HTTPS webhook receiver get every
 * event of a full flow exactly once and in order, although each is down for part of it and the application is
 * restarted while both are down. The webhook keeps receiving while the syslog receiver is down.
 */
@ExtendWith(OutputCaptureExtension.class)
class SiemDeliveryTest {

    static final String SECRET = "webhook-secret-for-the-tests-0123456789";
    static final FakeDirectory DIRECTORY = FakeDirectory.demo();

    @TempDir
    Path dataDir;

    private final TestCertificates certs = TestCertificates.get();
    private final TlsSyslogReceiver syslog =
            new TlsSyslogReceiver(TestCertificates.serverContext(certs.receiverKeys, certs.clientCa), true);
    private final HttpsWebhookReceiver webhook =
            new HttpsWebhookReceiver(TestCertificates.serverContext(certs.receiverKeys, null), SECRET);

    /** This test's own directory, shared by the application before and after the restart, like a real one. */
    @Configuration(proxyBeanMethods = false)
    static class OwnDirectory {
        @Bean
        @Primary
        FakeDirectory siemTestDirectory() {
            return DIRECTORY;
        }
    }

    /** Where the application keeps its data; the same for both starts. */
    protected List<String> database() {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db") + ";LOCK_TIMEOUT=10000");
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(database());
        args.addAll(List.of("--jit.siem.poll-interval=PT0.2S", "--jit.siem.warn-after=PT1S",
                "--jit.siem.hostname=jit-test",
                "--jit.siem.sinks[0].name=soc-syslog", "--jit.siem.sinks[0].type=syslog-tls",
                "--jit.siem.sinks[0].host=127.0.0.1", "--jit.siem.sinks[0].port=" + syslog.port(),
                "--jit.siem.sinks[0].ca-file=" + certs.receiverCa,
                "--jit.siem.sinks[0].client-certificate-file=" + certs.clientKeys,
                "--jit.siem.sinks[0].client-certificate-password=" + TestCertificates.PASSWORD,
                "--jit.siem.sinks[0].batch-size=3",
                "--jit.siem.sinks[1].name=soc-webhook", "--jit.siem.sinks[1].type=webhook",
                "--jit.siem.sinks[1].url=" + webhook.url(), "--jit.siem.sinks[1].ca-file=" + certs.receiverCa,
                "--jit.siem.sinks[1].hmac-secret=" + SECRET, "--jit.siem.sinks[1].batch-size=2"));
        // command-line arguments win over application.yml's in-memory database
        return new SpringApplicationBuilder(CoreTestApplication.class, OwnDirectory.class).run(args.toArray(String[]::new));
    }

    @AfterEach
    void stopReceivers() throws Exception {
        syslog.stop();
        webhook.stop();
    }

    @Test
    void every_event_reaches_both_sinks_once_and_in_order_across_outages_and_a_restart(CapturedOutput output)
            throws Exception {
        syslog.start(0);
        webhook.start(0);
        RequestId tier0;
        try (ConfigurableApplicationContext app = start()) {
            tier0 = grantWhileTheReceiversGoDown(app, output);
        }
        try (ConfigurableApplicationContext app = start()) {
            app.getBean(EndingAccess.class).deactivate(tier0, DIRECTORY.find("erin"));
            awaitAudited(app, tier0, "directory.member-removed");
            syslog.start(syslog.port());
            webhook.start(webhook.port());

            long newest = awaitEverythingReceived(app);
            assertThat(lag(app, "soc-syslog")).isZero();
            assertThat(lag(app, "soc-webhook")).isZero();
            SiemReceived.check(app.getBean(JdbcClient.class), newest, syslog.messages(), webhook.deliveries(), tier0,
                    DIRECTORY.find("erin").id());
        }
        assertThat(warnings(output, "soc-syslog")).isEqualTo(1);
        assertThat(warnings(output, "soc-webhook")).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(TestCertificates.PASSWORD);
    }

    /**
     * A grant with no approval runs its course with both receivers up; then the syslog receiver goes down while a
     * tier 0 request is submitted and approved once, then the webhook receiver too while it is approved and applied.
     */
    private RequestId grantWhileTheReceiversGoDown(ConfigurableApplicationContext app, CapturedOutput output)
            throws Exception {
        RequestId helpdesk = submit(app, "bob", "helpdesk", Duration.ofSeconds(2), null, null);
        awaitAudited(app, helpdesk, "directory.member-removed");
        awaitEverythingReceived(app);

        syslog.stop();
        RequestId tier0 = submit(app, "erin", "tier0-admins", Duration.ofHours(1), "patching DC01", "INC123456");
        app.getBean(DecidingRequests.class).decide(new DecideCommand(tier0, DIRECTORY.find("carol"), true, "ok"));
        awaitWebhookCaughtUpWhileSyslogWaits(app);

        webhook.stop();
        app.getBean(DecidingRequests.class).decide(new DecideCommand(tier0, DIRECTORY.find("dave"), true, null));
        awaitAudited(app, tier0, "directory.member-added");
        // each outage is reported once, after warn-after; the report survives the restart
        await().atMost(Duration.ofSeconds(30)).until(() -> warnings(output, "soc-syslog") == 1
                && warnings(output, "soc-webhook") == 1);
        assertThat(lag(app, "soc-syslog")).isPositive();
        assertThat(lag(app, "soc-webhook")).isPositive();
        return tier0;
    }

    private static RequestId submit(ConfigurableApplicationContext app, String who, String group, Duration duration,
            String why, String ticket) {
        Outcome outcome = app.getBean(RequestingAccess.class).submit(new SubmitCommand(DIRECTORY.find(who), group,
                duration, why, ticket));
        AccessRequest r = ((Outcome.Done) outcome).request();
        return r.id();
    }

    private static void awaitAudited(ConfigurableApplicationContext app, RequestId id, String action) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE request_id = ? "
                + "AND action = ?").params(id.toString(), action).query(Long.class).single() > 0);
    }

    /**
     * Waits until both receivers hold every event of the log, failing at once if either got one twice or out of order;
     * returns the newest sequence number.
     */
    private long awaitEverythingReceived(ConfigurableApplicationContext app) {
        long[] newest = new long[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            newest[0] = newest(app);
            boolean syslogDone = inOrderOnce("syslog", SiemReceived.syslogSeqs(syslog.messages()), newest[0]);
            return inOrderOnce("webhook", SiemReceived.webhookSeqs(webhook.deliveries()), newest[0]) && syslogDone;
        });
        return newest[0];
    }

    private static boolean inOrderOnce(String receiver, List<Long> seqs, long newest) {
        for (int i = 0; i < seqs.size(); i++) {
            if (seqs.get(i) != i + 1) {
                throw new AssertionError(receiver + " received " + seqs + ", not 1, 2, 3... in order and once each");
            }
        }
        return seqs.size() == newest;
    }

    /** A sink that is down holds back only itself. */
    private void awaitWebhookCaughtUpWhileSyslogWaits(ConfigurableApplicationContext app) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> syslogStatus = status(app, "soc-syslog");
            return SiemReceived.webhookSeqs(webhook.deliveries()).size() == newest(app)
                    && syslogStatus.containsKey("failedAttempts") && lag(app, "soc-syslog") > 0;
        });
        assertThat(status(app, "soc-syslog").get("lastError").toString()).contains("Connect");
    }

    private static long newest(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(ConfigurableApplicationContext app, String sink) {
        Map<String, Object> siem = (Map<String, Object>) app.getBean(AuditEndpoint.class).verify().get("siem");
        return (Map<String, Object>) siem.get(sink);
    }

    private static long lag(ConfigurableApplicationContext app, String sink) {
        return ((Number) status(app, sink).get("lag")).longValue();
    }

    private static long warnings(CapturedOutput output, String sink) {
        return output.getOut().lines().filter(l -> l.contains("WARN") && l.contains("SIEM sink " + sink + " (")
                && l.contains("has not taken events since")).count();
    }
}
