package dev.jitgroups.core.siem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.audit.AuditChain;
import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a SIEM receives for one event, read back with independent parsers. */
class SiemFormatsTest {

    static final String SID = "S-1-5-21-1111111111-2222222222-3333333333-1105";
    static final String GROUP_DN = "CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example";

    static SiemEvent memberAdded(long seq, String detail) {
        AuditEntry e = new AuditEntry(Instant.parse("2026-03-01T10:15:30.123456Z"), "system", "directory.member-added",
                "3f2b7a9e-0000-4000-8000-000000000001", "tier0-admins", "erin@corp.example", "ok", detail);
        String previous = AuditChain.GENESIS;
        return new SiemEvent(new AuditEvent(seq, e, previous, AuditChain.hash(seq, e, previous)), GROUP_DN, SID,
                "CN=erin,OU=People,DC=corp,DC=example");
    }

    @Test
    void cef_carries_every_field_the_soc_joins_on_and_escapes_what_would_break_it() {
        SiemEvent ev = memberAdded(7, "added by a=b\\c\nsecond line | pipe");

        SyslogParsing.Cef cef = SyslogParsing.cef(new CefFormat("jit01").format(ev));

        assertThat(cef.header()).containsExactly("JIT Groups", "JIT Groups", "0.1.0", "directory.member-added",
                "directory member added", "3");
        assertThat(cef.extension()).containsEntry("duid", SID).containsEntry("cs2Label", "groupDn")
                .containsEntry("cs2", GROUP_DN).containsEntry("cs1", "3f2b7a9e-0000-4000-8000-000000000001")
                .containsEntry("cs3Label", "chainHash").containsEntry("cs3", ev.audit().hash())
                .containsEntry("cs4", AuditChain.GENESIS).containsEntry("cn1", "7").containsEntry("externalId", "7")
                .containsEntry("suser", "system").containsEntry("duser", "erin@corp.example")
                .containsEntry("outcome", "ok").containsEntry("act", "directory.member-added")
                .containsEntry("rt", Long.toString(Instant.parse("2026-03-01T10:15:30.123Z").toEpochMilli()))
                .containsEntry("msg", "added by a=b\\c\nsecond line | pipe").containsEntry("dvchost", "jit01");
    }

    @Test
    void syslog_frames_count_octets_not_characters_and_the_structured_data_round_trips() throws Exception {
        SiemEvent ev = memberAdded(8, "Zoë's \"quoted\" ] bracket");
        byte[] frames = new SyslogFormat("jit01.corp.example").frames(List.of(ev, memberAdded(9, "second")));

        ByteArrayInputStream in = new ByteArrayInputStream(frames);
        String first = TlsSyslogReceiver.readFrame(in);
        String second = TlsSyslogReceiver.readFrame(in);
        assertThat(TlsSyslogReceiver.readFrame(in)).isNull();

        SyslogParsing.Message m = SyslogParsing.rfc5424(first);
        assertThat(m.pri()).isEqualTo(13 * 8 + 6);
        assertThat(m.timestamp()).isEqualTo("2026-03-01T10:15:30.123456Z");
        assertThat(m.hostname()).isEqualTo("jit01.corp.example");
        assertThat(m.appName()).isEqualTo("jitgroups");
        assertThat(m.msgId()).isEqualTo("directory.member-added");
        assertThat(m.sdId()).isEqualTo("jitgroups@32473");
        assertThat(m.sd()).containsEntry("seq", "8").containsEntry("memberSid", SID).containsEntry("groupDn", GROUP_DN)
                .containsEntry("hash", ev.audit().hash()).containsEntry("requestId", ev.entry().requestId());
        assertThat(SyslogParsing.cef(m.msg()).extension()).containsEntry("msg", "Zoë's \"quoted\" ] bracket");
        assertThat(SyslogParsing.rfc5424(second).sd()).containsEntry("seq", "9");
        assertThat(first.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(first.length());
    }

    @Test
    void ocsf_is_group_management_add_user_with_the_member_sid_and_group_dn() {
        SiemEvent ev = memberAdded(10, "added");

        JsonNode array = JsonMapper.builder().build().readTree(new OcsfFormat().array(List.of(ev)));

        assertThat(array.isArray()).isTrue();
        JsonNode o = array.get(0);
        assertThat(o.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(o.get("category_uid").asInt()).isEqualTo(3);
        assertThat(o.get("activity_id").asInt()).isEqualTo(3);
        assertThat(o.get("type_uid").asInt()).isEqualTo(300603);
        assertThat(o.get("status_id").asInt()).isEqualTo(1);
        assertThat(o.get("time").asLong()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z").toEpochMilli());
        assertThat(o.at("/user/uid").asString()).isEqualTo(SID);
        assertThat(o.at("/group/uid").asString()).isEqualTo(GROUP_DN);
        assertThat(o.at("/group/name").asString()).isEqualTo("tier0-admins");
        assertThat(o.at("/actor/user/name").asString()).isEqualTo("system");
        assertThat(o.at("/metadata/correlation_uid").asString()).isEqualTo(ev.entry().requestId());
        assertThat(o.at("/metadata/sequence").asLong()).isEqualTo(10);
        assertThat(o.at("/metadata/uid").asString()).isEqualTo(ev.audit().hash());
        assertThat(o.at("/unmapped/jitgroups/previous_hash").asString()).isEqualTo(AuditChain.GENESIS);
    }

    @Test
    void the_signature_is_an_hmac_of_timestamp_dot_body() throws Exception {
        byte[] body = "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("k".repeat(32).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal("1767225600.[{\"a\":1}]"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(new Secret("k".repeat(32)), 1767225600L, body)).isEqualTo("sha256=" + expected);
    }

    @Test
    void severity_makes_break_glass_and_drift_stand_out() {
        AuditEntry breakGlass = new AuditEntry(Instant.EPOCH, "alice@corp.example", "request.break-glass", null, null,
                null, "ok", null);
        AuditEntry refused = new AuditEntry(Instant.EPOCH, "alice@corp.example", "request.approve", null, null, null,
                "refused", null);
        assertThat(Severity.of(breakGlass)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(refused)).isEqualTo(Severity.MEDIUM);
        assertThat(Map.of("secret", new Secret("do-not-print")).toString()).doesNotContain("do-not-print");
    }
}
