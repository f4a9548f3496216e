package dev.jitgroups.core.store;

import dev.jitgroups.core.directory.GroupMember;
import dev.jitgroups.core.workflow.DriftLedger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link DriftLedger} in table {@code reported_drift}: one row per group and member currently reported as drift.
 * Statement by statement, without a transaction: when two reconciliations overlap (the start-up run on one instance,
 * the periodic one on another), the one whose insert loses reports nothing, and nothing is reported twice.
 */
@Repository
class JdbcDriftLedger implements DriftLedger {

    private final JdbcClient jdbc;

    JdbcDriftLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> record(String groupName, List<GroupMember> drift, Instant now) {
        Map<String, GroupMember> current = new LinkedHashMap<>();
        drift.forEach(m -> current.putIfAbsent(m.key(), m));
        Set<String> known = new HashSet<>(jdbc.sql("SELECT member_key FROM reported_drift WHERE group_name = ?")
                .param(groupName).query(String.class).list());
        for (String key : known) {
            if (!current.containsKey(key)) {
                jdbc.sql("DELETE FROM reported_drift WHERE group_name = ? AND member_key = ?").params(groupName, key).update();
            }
        }
        Set<String> fresh = new HashSet<>();
        for (Map.Entry<String, GroupMember> e : current.entrySet()) {
            if (!known.contains(e.getKey()) && insert(groupName, e.getKey(), e.getValue(), now)) {
                fresh.add(e.getKey());
            }
        }
        return fresh;
    }

    private boolean insert(String groupName, String key, GroupMember member, Instant now) {
        try {
            jdbc.sql("INSERT INTO reported_drift (group_name, member_key, member_dn, reported_at) VALUES (?, ?, ?, ?)")
                    .params(groupName, key, member.dn().toString(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException reportedByAnotherRun) {
            return false;
        }
    }
}
