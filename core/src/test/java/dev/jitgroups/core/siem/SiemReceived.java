package dev.jitgroups.core.siem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.testing.FakeDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the receivers got and checks it against the audit log, as a SOC would. */
final class SiemReceived {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SiemReceived() {
    }

    /** A stored event's chain fields. */
    record Stored(long seq, String hash, String previousHash, String action, String requestId) {
    }

    static List<Long> syslogSeqs(List<String> messages) {
        return messages.stream().map(m -> Long.parseLong(SyslogParsing.rfc5424(m).sd().get("seq"))).toList();
    }

    static List<Long> webhookSeqs(List<HttpsWebhookReceiver.Delivery> deliveries) {
        List<Long> seqs = new ArrayList<>();
        deliveries.forEach(d -> JSON.readTree(d.body()).forEach(e -> seqs.add(e.at("/metadata/sequence").asLong())));
        return seqs;
    }

    static void check(JdbcClient jdbc, long newest, List<String> syslog, List<HttpsWebhookReceiver.Delivery> webhook,
            RequestId tier0, String erinSid) {
        Map<Long, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT seq, event_hash, previous_hash, action, request_id FROM audit_event ORDER BY seq")
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list().forEach(s -> stored.put(s.seq(), s));
        assertThat(stored).hasSize((int) newest);
        checkSyslog(stored, syslog, tier0, erinSid);
        checkWebhook(stored, webhook, tier0, erinSid);
    }

    private static void checkSyslog(Map<Long, Stored> stored, List<String> messages, RequestId tier0, String erinSid) {
        String previous = null;
        for (String text : messages) {
            SyslogParsing.Message m = SyslogParsing.rfc5424(text);
            Stored s = stored.get(Long.parseLong(m.sd().get("seq")));
            assertThat(m.hostname()).isEqualTo("jit-test");
            assertThat(m.sd()).containsEntry("hash", s.hash()).containsEntry("action", s.action());
            if (previous != null) {
                assertThat(m.sd().get("previousHash")).as("the chain links event to event").isEqualTo(previous);
            }
            previous = m.sd().get("hash");
            SyslogParsing.Cef cef = SyslogParsing.cef(m.msg());
            assertThat(cef.header().get(3)).isEqualTo(s.action());
            assertThat(cef.extension()).containsEntry("cs3", s.hash()).containsEntry("cn1", Long.toString(s.seq()));
            if (s.action().equals("directory.member-added") && tier0.toString().equals(s.requestId())) {
                assertThat(cef.extension()).containsEntry("duid", erinSid).containsEntry("cs2", FakeDirectory.TIER0)
                        .containsEntry("cs1", tier0.toString()).containsEntry("suser", "system");
                assertThat(m.sd()).containsEntry("memberSid", erinSid).containsEntry("groupDn", FakeDirectory.TIER0);
            }
        }
    }

    private static void checkWebhook(Map<Long, Stored> stored, List<HttpsWebhookReceiver.Delivery> deliveries,
            RequestId tier0, String erinSid) {
        for (HttpsWebhookReceiver.Delivery d : deliveries) {
            assertThat(d.signatureValid()).as("HMAC of " + d.deliveryId()).isTrue();
            JsonNode events = JSON.readTree(d.body());
            assertThat(d.deliveryId()).isEqualTo("soc-webhook:" + events.get(0).at("/metadata/sequence").asLong() + "-"
                    + events.get(events.size() - 1).at("/metadata/sequence").asLong());
            for (JsonNode e : events) {
                Stored s = stored.get(e.at("/metadata/sequence").asLong());
                assertThat(e.at("/metadata/uid").asString()).isEqualTo(s.hash());
                assertThat(e.at("/unmapped/jitgroups/previous_hash").asString()).isEqualTo(s.previousHash());
                assertThat(e.get("class_uid").asInt()).isEqualTo(3006);
                if (tier0.toString().equals(s.requestId()) && s.action().startsWith("directory.member-")) {
                    assertThat(e.get("activity_id").asInt()).isEqualTo(s.action().endsWith("added") ? 3 : 4);
                    assertThat(e.at("/user/uid").asString()).isEqualTo(erinSid);
                    assertThat(e.at("/group/uid").asString()).isEqualTo(FakeDirectory.TIER0);
                    assertThat(e.at("/metadata/correlation_uid").asString()).isEqualTo(tier0.toString());
                }
            }
        }
    }
}
