package dev.jitgroups.bot.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** What team rosters taught the bot (table {@code bot_member}) and when each roster was read ({@code bot_roster_read}). */
@Repository
class MemberStore {

    private static final RowMapper<TeamMember> MEMBER = (rs, n) -> new TeamMember(rs.getString("user_id"),
            rs.getString("aad_object_id"), rs.getString("upn"), rs.getString("name"), rs.getString("tenant_id"));
    private static final String SELECT = "SELECT user_id, aad_object_id, upn, name, tenant_id FROM bot_member WHERE ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    MemberStore(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** A member by Entra object id (when Graph knows the account's), else by UPN; the most recently seen. */
    Optional<TeamMember> find(String userPrincipalName, Optional<String> aadObjectId) {
        if (aadObjectId.isPresent()) {
            return jdbc.query(SELECT + "aad_object_id = ? ORDER BY seen_at DESC", MEMBER,
                    aadObjectId.get().toLowerCase(Locale.ROOT)).stream().findFirst();
        }
        if (userPrincipalName == null || userPrincipalName.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + "upn = ? ORDER BY seen_at DESC", MEMBER,
                userPrincipalName.strip().toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    /** True when the roster was read (or refused) after this instant. */
    boolean readAfter(String rosterId, Instant since) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM bot_roster_read WHERE roster_id = ? AND read_at > ?",
                Integer.class, rosterId, utc(since));
        return n != null && n > 0;
    }

    /** Replaces what is known of a roster's members with the roster as just read. */
    void replace(String rosterId, List<TeamMember> roster) {
        OffsetDateTime now = utc(clock.instant());
        try {
            tx.executeWithoutResult(s -> {
                jdbc.update("DELETE FROM bot_member WHERE roster_id = ?", rosterId);
                jdbc.batchUpdate("INSERT INTO bot_member (roster_id, user_id, tenant_id, aad_object_id, upn, name, seen_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", roster.stream().map(m -> new Object[] {rosterId, m.userId(),
                            m.tenantId(), lower(m.aadObjectId()), lower(m.userPrincipalName()), m.name(), now}).toList());
                markRead(rosterId, roster.size(), "read", now);
            });
        } catch (DuplicateKeyException raced) {
            // another instance stored the same roster at the same moment
        }
    }

    /** The roster could not be read (the bot is no longer in the team, say): not asked again for a while. */
    void refused(String rosterId, String why) {
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM bot_member WHERE roster_id = ?", rosterId);
            markRead(rosterId, 0, why.length() > 300 ? why.substring(0, 300) : why, utc(clock.instant()));
        });
    }

    private void markRead(String rosterId, int members, String outcome, OffsetDateTime now) {
        if (jdbc.update("UPDATE bot_roster_read SET read_at = ?, members = ?, outcome = ? WHERE roster_id = ?", now, members,
                outcome, rosterId) == 0) {
            jdbc.update("INSERT INTO bot_roster_read (roster_id, read_at, members, outcome) VALUES (?, ?, ?, ?)", rosterId, now,
                    members, outcome);
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
