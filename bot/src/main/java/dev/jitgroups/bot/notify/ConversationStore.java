package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.CardView;
import dev.jitgroups.core.request.RequestId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Conversation references, card copies and channel subscriptions, in the database so they survive restarts. */
@Repository
public class ConversationStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationStore.class);
    private static final RowMapper<Address> ADDRESS = (rs, n) -> new Address(rs.getString("conversation_id"),
            rs.getBoolean("personal"), rs.getString("account_id"), rs.getString("aad_object_id"),
            rs.getString("tenant_id"), rs.getString("team_id"), rs.getString("channel_name"),
            rs.getString("reference_json"));
    private static final String COLUMNS = "conversation_id, personal, account_id, aad_object_id, tenant_id, "
            + "team_id, channel_name, reference_json";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConversationStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Saves or refreshes a conversation reference (called on every authenticated inbound activity). A person's 1:1
     * reference is only ever replaced by an activity of the same Entra user: once an AD account is bound to an Entra
     * object id, an activity from another Entra user that maps to the same account changes nothing.
     *
     * @param authenticated the activity's token was verified (not local mode, where anyone names anyone)
     */
    public void save(Address a, boolean authenticated) {
        if (authenticated && a.personal() && a.accountId() != null && boundToAnotherUser(a)) {
            LOG.warn("a Teams user (Entra object {}) mapped to the AD account {}, which is bound to another Entra "
                    + "user; their conversation was not stored", a.aadObjectId(), a.accountId());
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String key = a.personal() && a.accountId() != null ? a.accountId() : "";
        String update = "UPDATE bot_conversation SET personal = ?, account_id = ?, aad_object_id = ?, tenant_id = ?, "
                + "team_id = COALESCE(?, team_id), channel_name = COALESCE(?, channel_name), reference_json = ?, "
                + "updated_at = ? WHERE conversation_id = ? AND account_key = ?";
        Object[] args = {a.personal(), a.accountId(), a.aadObjectId(), a.tenantId(), a.teamId(), a.channelName(),
            a.reference(), now, a.conversationId(), key};
        if (jdbc.update(update, args) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO bot_conversation (" + COLUMNS + ", account_key, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.conversationId(), a.personal(), a.accountId(),
                    a.aadObjectId(), a.tenantId(), a.teamId(), a.channelName(), a.reference(), key, now);
        } catch (DuplicateKeyException raced) {
            jdbc.update(update, args);
        }
    }

    private boolean boundToAnotherUser(Address a) {
        List<String> bound = jdbc.queryForList("SELECT DISTINCT aad_object_id FROM bot_conversation WHERE personal = TRUE "
                + "AND account_id = ? AND aad_object_id IS NOT NULL", String.class, a.accountId());
        return !bound.isEmpty() && (a.aadObjectId() == null || bound.stream().noneMatch(a.aadObjectId()::equalsIgnoreCase));
    }

    public Optional<Address> find(String conversationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_conversation WHERE conversation_id = ? "
                + "ORDER BY updated_at DESC", ADDRESS, conversationId).stream().findFirst();
    }

    /** A channel (or group chat) by its id; a name is never enough to find one. */
    Optional<Address> channel(String conversationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_conversation WHERE personal = FALSE AND conversation_id = ? "
                + "ORDER BY updated_at DESC", ADDRESS, conversationId).stream().findFirst();
    }

    /** The newest 1:1 chat with this AD account. */
    public Optional<Address> personalChatOf(String accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_conversation WHERE personal = TRUE AND account_id = ? "
                + "ORDER BY updated_at DESC", ADDRESS, accountId).stream().findFirst();
    }

    /** The newest stored conversation in this tenant: its service URL and bot account serve to open a new chat. */
    Optional<Address> newestInTenant(String tenantId) {
        String where = tenantId == null ? "tenant_id IS NULL" : "LOWER(tenant_id) = ?";
        Object[] args = tenantId == null ? new Object[0] : new Object[] {tenantId.toLowerCase(Locale.ROOT)};
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_conversation WHERE " + where + " ORDER BY updated_at DESC",
                ADDRESS, args).stream().findFirst();
    }

    /**
     * The rosters the bot can read: each team it is in (through the team's newest stored channel) and each group chat
     * it is in. A roster's id is the team id, or the group chat's conversation id.
     */
    List<RosterSource> rosterSources() {
        Map<String, RosterSource> newest = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM bot_conversation WHERE personal = FALSE ORDER BY updated_at DESC", ADDRESS)
                .forEach(a -> {
                    String id = a.teamId() != null ? a.teamId() : a.conversationId();
                    newest.putIfAbsent(id, new RosterSource(id, a));
                });
        return List.copyOf(newest.values());
    }

    /** Entra object ids of these AD accounts, as far as the bot has talked to them. */
    public List<String> aadObjectIdsOf(Collection<String> accountIds) {
        return accountIds.stream().map(this::personalChatOf).flatMap(Optional::stream).map(Address::aadObjectId)
                .filter(id -> id != null && !id.isBlank()).distinct().toList();
    }

    /** Keeps a posted card that shows the request (once per request, conversation and activity). */
    public void addCopy(RequestId request, String conversationId, String activityId, String viewerAccountId,
            CardView view) {
        if (activityId == null || activityId.isBlank()) {
            return;
        }
        try {
            // the same card kept again (a tap on a card that was already a copy) changes nothing
            jdbc.update("INSERT INTO bot_card_copy (request_id, conversation_id, activity_id, viewer_account_id, "
                    + "card_view, created_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM bot_card_copy "
                    + "WHERE request_id = ? AND conversation_id = ? AND activity_id = ?)", request.toString(),
                    conversationId, activityId, viewerAccountId, view.name(),
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), request.toString(), conversationId,
                    activityId);
        } catch (DuplicateKeyException raced) {
            // kept by a concurrent tap on the same card
        }
    }

    List<CardCopy> copies(RequestId request) {
        return jdbc.query("SELECT conversation_id, activity_id, viewer_account_id, card_view FROM bot_card_copy "
                + "WHERE request_id = ? ORDER BY created_at", (rs, n) -> new CardCopy(rs.getString(1),
                rs.getString(2), rs.getString(3), viewOf(rs.getString(4), rs.getString(3))), request.toString());
    }

    /** Forgets a card Teams no longer has (deleted by its reader): every request it showed. */
    void dropCopy(String conversationId, String activityId) {
        jdbc.update("DELETE FROM bot_card_copy WHERE conversation_id = ? AND activity_id = ?", conversationId,
                activityId);
    }

    private static CardView viewOf(String stored, String viewer) {
        if (stored != null) {
            return CardView.valueOf(stored);
        }
        return viewer == null ? CardView.CHANNEL : CardView.APPROVER;
    }

    /** True when this person's 1:1 conversation is known already (they wrote or installed before). */
    public boolean knows(String conversationId, String accountId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM bot_conversation WHERE conversation_id = ? AND "
                + "account_key = ?", Integer.class, conversationId, accountId);
        return n != null && n > 0;
    }

    /** The reference of one person's (or, with an empty key, a channel's) conversation; else the newest. */
    Optional<Address> find(String conversationId, String accountKey) {
        Optional<Address> exact = jdbc.query("SELECT " + COLUMNS + " FROM bot_conversation WHERE conversation_id = ? "
                + "AND account_key = ?", ADDRESS, conversationId, accountKey).stream().findFirst();
        return exact.isPresent() ? exact : find(conversationId);
    }

    boolean delivered(String noticeKey, String conversationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM bot_delivery WHERE notice_key = ? AND conversation_id = ?",
                Integer.class, noticeKey, conversationId);
        return n != null && n > 0;
    }

    void markDelivered(String noticeKey, String conversationId) {
        try {
            jdbc.update("INSERT INTO bot_delivery (notice_key, conversation_id, delivered_at) VALUES (?, ?, ?)", noticeKey,
                    conversationId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DuplicateKeyException already) {
            // a parallel attempt recorded it first
        }
    }

    /** Subscribes a channel to a group's feed; false when it already was. */
    public boolean subscribe(String groupName, String conversationId, String subscribedBy) {
        try {
            jdbc.update("INSERT INTO bot_subscription (group_name, conversation_id, subscribed_by, subscribed_at) "
                    + "VALUES (?, ?, ?, ?)", groupName, conversationId, subscribedBy,
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    List<String> subscribers(String groupName) {
        return jdbc.queryForList("SELECT conversation_id FROM bot_subscription WHERE group_name = ?", String.class,
                groupName);
    }
}
