package dev.jitgroups.core.store;

import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditEvent;
import dev.jitgroups.core.siem.SiemOutbox;
import dev.jitgroups.core.siem.SinkCursor;
import dev.jitgroups.core.siem.StartFrom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SiemOutbox} over {@code audit_event} and table {@code siem_cursor}. Each statement commits on its own: a
 * cursor moves only after its sink acknowledged, and no lock is held while a sink is being talked to.
 */
@Repository
class JdbcSiemOutbox implements SiemOutbox {

    private static final String CURSOR = "SELECT sink_name, delivered_seq, delivered_at, failing_since, "
            + "consecutive_failures, last_error, warned FROM siem_cursor WHERE sink_name = ?";

    private final JdbcClient jdbc;

    JdbcSiemOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(String sink, StartFrom from, Instant now) {
        if (cursor(sink).isPresent()) {
            return;
        }
        long start = from == StartFrom.NOW ? newestSeq() : 0;
        try {
            jdbc.sql("INSERT INTO siem_cursor (sink_name, delivered_seq, created_at, consecutive_failures, warned) "
                    + "VALUES (?, ?, ?, 0, ?)").params(sink, start, utc(now), false).update();
        } catch (DuplicateKeyException openedMeanwhile) {
            // another instance opened it first; its start stands
        }
    }

    @Override
    public Optional<SinkCursor> cursor(String sink) {
        return jdbc.sql(CURSOR).param(sink).query(JdbcSiemOutbox::cursor).optional();
    }

    @Override
    public long newestSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PendingEvent> after(long seq, int limit) {
        List<AuditEvent> events = jdbc.sql("SELECT seq, occurred_at, actor, action, request_id, group_name, subject, "
                + "outcome, detail, previous_hash, event_hash FROM audit_event WHERE seq > ? ORDER BY seq "
                + "FETCH FIRST " + limit + " ROWS ONLY").param(seq).query(JdbcSiemOutbox::event).list();
        Map<String, Requester> requesters = requesters(events);
        Map<String, String> groupDns = lastKnownGroupDns(events);
        return events.stream().map(ev -> {
            Requester requester = requesters.getOrDefault(ev.entry().requestId(), Requester.NONE);
            return new PendingEvent(ev, requester.sid(), requester.dn(), groupDns.get(ev.entry().group()));
        }).toList();
    }

    /** objectSid and DN of the requester of each request the events belong to, by request id. */
    private Map<String, Requester> requesters(List<AuditEvent> events) {
        Set<UUID> ids = events.stream().map(ev -> uuid(ev.entry().requestId())).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, Requester> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, requester_id, requester_dn FROM access_request WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> out.put(rs.getObject(1, UUID.class).toString(),
                            new Requester(rs.getString(2), rs.getString(3)))).list();
        }
        return out;
    }

    private Map<String, String> lastKnownGroupDns(List<AuditEvent> events) {
        Set<String> names = events.stream().map(ev -> ev.entry().group()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> out = new HashMap<>();
        if (!names.isEmpty()) {
            jdbc.sql("SELECT group_name, dn FROM managed_group_identity WHERE group_name IN (:names)").param("names", names)
                    .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        }
        return out;
    }

    @Override
    public boolean advance(String sink, long from, long to, Instant at) {
        return jdbc.sql("UPDATE siem_cursor SET delivered_seq = ?, delivered_at = ?, failing_since = NULL, "
                + "consecutive_failures = 0, last_error = NULL, warned = ? WHERE sink_name = ? AND delivered_seq = ?")
                .params(to, utc(at), false, sink, from).update() == 1;
    }

    @Override
    public SinkCursor failed(String sink, String error, Instant at) {
        jdbc.sql("UPDATE siem_cursor SET failing_since = COALESCE(failing_since, ?), "
                + "consecutive_failures = consecutive_failures + 1, last_error = ? WHERE sink_name = ?")
                .params(utc(at), error, sink).update();
        return cursor(sink).orElseThrow();
    }

    @Override
    public void warned(String sink) {
        jdbc.sql("UPDATE siem_cursor SET warned = ? WHERE sink_name = ?").params(true, sink).update();
    }

    private record Requester(String sid, String dn) {
        static final Requester NONE = new Requester(null, null);
    }

    private static SinkCursor cursor(ResultSet rs, int n) throws SQLException {
        return new SinkCursor(rs.getString(1), rs.getLong(2), instant(rs, 3), instant(rs, 4), rs.getInt(5),
                rs.getString(6), rs.getBoolean(7));
    }

    private static AuditEvent event(ResultSet rs, int n) throws SQLException {
        AuditEntry e = new AuditEntry(instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9));
        return new AuditEvent(rs.getLong(1), e, rs.getString(10), rs.getString(11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static UUID uuid(String requestId) {
        try {
            return requestId == null ? null : UUID.fromString(requestId);
        } catch (IllegalArgumentException notARequest) {
            return null;
        }
    }
}
