package dev.jitgroups.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.operations.AuditEndpoint;
import dev.jitgroups.core.testing.CoreTestApplication;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Tampering with stored audit rows is caught by verification (each test gets a fresh database). */
@SpringBootTest(classes = CoreTestApplication.class, properties =
        "spring.datasource.url=jdbc:h2:mem:audit-tampering")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditTamperingTest {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditEndpoint endpoint;

    void writeFive() {
        for (int i = 1; i <= 5; i++) {
            int n = i;
            tx.executeWithoutResult(s -> audit.append(new AuditEntry(Instant.now(), "carol", "request.approved",
                    "req-" + n, "tier0", "alice@corp.example", "ok", "because " + n)));
        }
    }

    @Test
    void untouched_log_verifies_and_exports_one_json_object_per_line() throws Exception {
        writeFive();
        assertThat(audit.verify().intact()).isTrue();
        StringWriter out = new StringWriter();
        audit.exportJsonLines(out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(endpoint.verify()).containsEntry("intact", true);
        assertThat(endpoint.export("export")).isEqualTo(out.toString());
        assertThat(lines[lines.length - 1]).startsWith("{\"seq\":").contains("\"detail\":\"because 5\"")
                .contains("\"hash\":");
    }

    @Test
    void edited_row_is_detected() {
        writeFive();
        long seq = jdbc.sql("SELECT seq FROM audit_event WHERE request_id = 'req-3'").query(Long.class).single();
        jdbc.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE seq = ?").param(seq).update();

        AuditChain.Verification v = audit.verify();

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).contains(seq);
        assertThat(v.problem()).get().asString().contains("changed");
        assertThat(endpoint.verify()).containsEntry("intact", false).containsEntry("firstBrokenEvent", seq);
    }

    @Test
    void deleted_row_is_detected() {
        writeFive();
        long seq = jdbc.sql("SELECT seq FROM audit_event WHERE request_id = 'req-2'").query(Long.class).single();
        jdbc.sql("DELETE FROM audit_event WHERE seq = ?").param(seq).update();

        AuditChain.Verification v = audit.verify();

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).contains(seq);
        assertThat(v.problem()).get().asString().contains("missing");
    }
}
