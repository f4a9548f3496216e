package dev.jitgroups.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.core.policy.InvalidPolicyException;
import dev.jitgroups.core.siem.SiemSettings;
import dev.jitgroups.core.siem.SinkSettings;
import dev.jitgroups.core.siem.SinkType;
import dev.jitgroups.core.siem.StartFrom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** {@code jit.siem} is off by default, bound strictly, and every problem names its key; secrets are never shown. */
class SiemConfigurationTest {

    static final String SECRET = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t";

    @TempDir
    Path dir;

    static Map<String, String> valid() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("jit.siem.sinks[0].name", "soc-syslog");
        p.put("jit.siem.sinks[0].type", "syslog-tls");
        p.put("jit.siem.sinks[0].host", "siem.corp.example");
        p.put("jit.siem.sinks[1].name", "soc-webhook");
        p.put("jit.siem.sinks[1].type", "webhook");
        p.put("jit.siem.sinks[1].url", "https://siem.corp.example/ingest?code=key");
        p.put("jit.siem.sinks[1].hmac-secret", SECRET);
        p.put("jit.siem.sinks[1].start-from", "now");
        p.put("jit.siem.sinks[1].batch-size", "1");
        return p;
    }

    static SiemSettings bind(Map<String, String> properties) {
        MockEnvironment env = new MockEnvironment();
        properties.forEach(env::setProperty);
        return SiemBinding.bind(env);
    }

    static String problems(Map<String, String> properties) {
        try {
            bind(properties);
        } catch (InvalidPolicyException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the configuration to be refused: " + properties);
    }

    @Test
    void no_configuration_means_no_sinks() {
        SiemSettings s = bind(Map.of());
        assertThat(s.sinks()).isEmpty();
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.warnAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.hostname()).as("no name lookup when nothing is sent").isEqualTo("-");
    }

    @Test
    void documented_example_binds_with_its_defaults() {
        SiemSettings s = bind(valid());
        SinkSettings syslog = s.sink("soc-syslog").orElseThrow();
        assertThat(syslog.type()).isEqualTo(SinkType.SYSLOG_TLS);
        assertThat(syslog.port()).isEqualTo(6514);
        assertThat(syslog.batchSize()).isEqualTo(100);
        assertThat(syslog.startFrom()).isEqualTo(StartFrom.BEGINNING);
        assertThat(syslog.timeout()).isEqualTo(Duration.ofSeconds(10));
        SinkSettings webhook = s.sink("soc-webhook").orElseThrow();
        assertThat(webhook.hmacSecret().reveal()).isEqualTo(SECRET);
        assertThat(webhook.startFrom()).isEqualTo(StartFrom.NOW);
        assertThat(webhook.target()).isEqualTo("https://siem.corp.example/ingest");
    }

    @Test
    void secrets_and_url_keys_never_appear_in_to_string() throws Exception {
        Map<String, String> p = valid();
        Path secretFile = Files.writeString(dir.resolve("hmac"), SECRET + "\n");
        p.remove("jit.siem.sinks[1].hmac-secret");
        p.put("jit.siem.sinks[1].hmac-secret-file", secretFile.toString());
        SiemSettings s = bind(p);
        assertThat(s.sink("soc-webhook").orElseThrow().hmacSecret().reveal()).isEqualTo(SECRET);
        assertThat(s.toString()).doesNotContain(SECRET).doesNotContain("code=key").contains("(hidden)");
    }

    @Test
    void a_wrong_type_names_the_key_and_the_valid_types() {
        Map<String, String> p = valid();
        p.put("jit.siem.sinks[0].type", "syslog");
        assertThat(problems(p)).contains("jit.siem.sinks[0].type: 'syslog' is not a sink type; one of syslog-tls, "
                + "syslog-tcp, webhook");
    }

    @Test
    void plain_tcp_and_http_are_refused_unless_explicitly_allowed() {
        Map<String, String> p = valid();
        p.put("jit.siem.sinks[0].type", "syslog-tcp");
        p.put("jit.siem.sinks[0].port", "514");
        p.put("jit.siem.sinks[1].url", "http://siem.corp.example/ingest");
        String problems = problems(p);
        assertThat(problems).contains("jit.siem.sinks[0].type: syslog-tcp sends audit events unencrypted")
                .contains("jit.siem.sinks[0].allow-plain=true")
                .contains("jit.siem.sinks[1].url: http:// sends audit events unencrypted");

        p.put("jit.siem.sinks[0].allow-plain", "true");
        p.put("jit.siem.sinks[1].allow-plain", "true");
        assertThat(bind(p).sinks()).hasSize(2);
    }

    @Test
    void a_webhook_needs_a_long_enough_secret_and_the_message_does_not_repeat_it() {
        Map<String, String> p = valid();
        p.put("jit.siem.sinks[1].hmac-secret", "short-secret");
        assertThat(problems(p)).contains("jit.siem.sinks[1].hmac-secret: too short; at least 32 characters")
                .doesNotContain("short-secret");
        p.remove("jit.siem.sinks[1].hmac-secret");
        assertThat(problems(p)).contains("jit.siem.sinks[1].hmac-secret: required for a webhook sink");
    }

    @Test
    void missing_host_unreadable_ca_file_bad_batch_and_start_from_each_name_their_key() {
        Map<String, String> p = valid();
        p.remove("jit.siem.sinks[0].host");
        p.put("jit.siem.sinks[0].ca-file", dir.resolve("missing.pem").toString());
        p.put("jit.siem.sinks[0].batch-size", "0");
        p.put("jit.siem.sinks[1].start-from", "yesterday");
        p.put("jit.siem.poll-interval", "soon");
        assertThat(problems(p)).contains("jit.siem.sinks[0].host: required for a syslog-tls sink")
                .contains("jit.siem.sinks[0].ca-file: the file " + dir.resolve("missing.pem") + " does not exist")
                .contains("jit.siem.sinks[0].batch-size: must be between 1 and 1000, was 0")
                .contains("jit.siem.sinks[1].start-from: 'yesterday' is not one of beginning, now")
                .contains("jit.siem.poll-interval: 'soon' is not a duration");
    }

    @Test
    void a_ca_file_without_certificates_is_refused_at_start_up() throws Exception {
        Map<String, String> p = valid();
        p.put("jit.siem.sinks[0].ca-file", Files.writeString(dir.resolve("ca.pem"), "not a certificate").toString());
        assertThat(problems(p)).contains("jit.siem.sinks[0].ca-file: cannot read certificates from");
    }

    @Test
    void a_misspelt_key_a_duplicate_name_and_a_bad_number_are_named() {
        Map<String, String> p = valid();
        p.put("jit.siem.sinks[1].hmac-secrett", SECRET);
        assertThat(problems(p)).contains("jit.siem.sinks[1].hmac-secrett: is not a known key").doesNotContain(SECRET);

        Map<String, String> dup = valid();
        dup.put("jit.siem.sinks[1].name", "soc-syslog");
        assertThat(problems(dup)).contains("jit.siem.sinks[1].name: 'soc-syslog' is already the name of another sink");

        Map<String, String> port = valid();
        port.put("jit.siem.sinks[0].port", "six-five-one-four");
        assertThat(problems(port)).contains("jit.siem.sinks[0].port: cannot be read");
    }

    @Test
    void the_failure_report_lists_the_problems_under_a_siem_heading() {
        Map<String, String> p = valid();
        p.put("jit.siem.sinks[0].name", "Soc Syslog");
        assertThatThrownBy(() -> bind(p)).isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("Invalid SIEM configuration (jit.siem):")
                .hasMessageContaining("jit.siem.sinks[0].name: 'Soc Syslog' is not allowed");
    }
}
