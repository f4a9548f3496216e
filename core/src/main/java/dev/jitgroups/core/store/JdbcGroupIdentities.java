package dev.jitgroups.core.store;

import dev.jitgroups.core.directory.DirectoryGroup;
import dev.jitgroups.core.workflow.GroupIdentities;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link GroupIdentities} in table {@code managed_group_identity}. */
@Repository
class JdbcGroupIdentities implements GroupIdentities {

    private final JdbcClient jdbc;

    JdbcGroupIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> objectGuid(String groupName) {
        return jdbc.sql("SELECT object_guid FROM managed_group_identity WHERE group_name = ?").param(groupName)
                .query(String.class).optional();
    }

    /**
     * Update, else insert, statement by statement (no transaction): when two instances start at once and both insert,
     * the loser's duplicate key must not abort anything; it updates to the same value instead.
     */
    @Override
    public void remember(String groupName, DirectoryGroup group, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        if (update(groupName, group, at) > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO managed_group_identity (group_name, object_guid, dn, first_seen_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)").params(groupName, group.objectGuid(), group.dn().toString(), at, at).update();
        } catch (DuplicateKeyException insertedMeanwhile) {
            update(groupName, group, at);
        }
    }

    private int update(String groupName, DirectoryGroup group, OffsetDateTime at) {
        return jdbc.sql("UPDATE managed_group_identity SET object_guid = ?, dn = ?, updated_at = ? WHERE group_name = ?")
                .params(group.objectGuid(), group.dn().toString(), at, groupName).update();
    }
}
