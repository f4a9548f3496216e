package dev.jitgroups.core.store;

import dev.jitgroups.core.audit.AuditChain;
import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditEvent;
import dev.jitgroups.core.audit.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit log in two tables: events, and the chain head whose row lock serialises appends (across
 * instances too). Times are stored at microsecond precision, which both H2 and PostgreSQL keep exactly,
 * so the hash recomputed from a stored row equals the one computed when it was written.
 */
@Repository
class JdbcAuditLog implements AuditLog {

    private static final String SELECT = "SELECT seq, occurred_at, actor, action, request_id, group_name, subject, "
            + "outcome, detail, previous_hash, event_hash FROM audit_event";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcAuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent append(AuditEntry given) {
        AuditEntry e = new AuditEntry(given.at().truncatedTo(ChronoUnit.MICROS), given.actor(), given.action(),
                given.requestId(), given.group(), given.subject(), given.outcome(), truncate(given.detail(), 4000));
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        String hash = AuditChain.hash(seq, e, head.hash());
        jdbc.sql("INSERT INTO audit_event (seq, occurred_at, actor, action, request_id, group_name, subject, outcome, "
                + "detail, previous_hash, event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.actor(), e.action(), e.requestId(),
                        e.group(), e.subject(), e.outcome(), e.detail(), head.hash(), hash)
                .update();
        jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
        return new AuditEvent(seq, e, head.hash(), hash);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean contains(String requestId, String action, String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE request_id = ? AND action = ? AND outcome = ?")
                .params(requestId, action, outcome).query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public AuditChain.Verification verify() {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        List<AuditEvent> events = jdbc.sql(SELECT + " ORDER BY seq").query(this::map).list();
        return AuditChain.verify(events, head.seq(), head.hash());
    }

    @Override
    @Transactional(readOnly = true)
    public void exportJsonLines(Writer out) throws IOException {
        try {
            jdbc.sql(SELECT + " ORDER BY seq").query(this::map).stream().forEach(ev -> writeLine(out, ev));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeLine(Writer out, AuditEvent ev) {
        Map<String, Object> line = new LinkedHashMap<>();
        AuditEntry e = ev.entry();
        line.put("seq", ev.seq());
        line.put("at", e.at().toString());
        line.put("actor", e.actor());
        line.put("action", e.action());
        line.put("requestId", e.requestId());
        line.put("group", e.group());
        line.put("subject", e.subject());
        line.put("outcome", e.outcome());
        line.put("detail", e.detail());
        line.put("previousHash", ev.previousHash());
        line.put("hash", ev.hash());
        try {
            out.write(json.writeValueAsString(line));
            out.write('\n');
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private AuditEvent map(ResultSet rs, int n) throws SQLException {
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        AuditEntry e = new AuditEntry(at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9));
        return new AuditEvent(rs.getLong(1), e, rs.getString(10), rs.getString(11));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record Head(long seq, String hash) {
    }

}
