package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.core.audit.AuditLog;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as deployed for Teams, in a tenant where an admin pushed the app and approvers never wrote to the
 * bot: each test starts with a bot that has talked to nobody (its own database, emptied of conversations, rosters,
 * cards and reports) and a fake Bot Connector with no history.
 */
abstract class ReachScenario extends AuthenticatedScenario {

    private static final List<String> BOT_TABLES = List.of("bot_card_copy", "bot_delivery", "bot_subscription",
            "bot_reach_report", "bot_member", "bot_roster_read", "bot_conversation");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void aBotNobodyHasTalkedTo() {
        BOT_TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
        CONNECTOR.clear();
    }

    /** Sends an activity that the bot only acknowledges (installs, roster changes). */
    void deliver(ObjectNode activity) {
        assertThat(send(activity).statusCode()).isEqualTo(202);
    }

    /** The 1:1 chat the fake Bot Connector answers when the bot creates one with this member. */
    static String createdChatOf(String memberId) {
        return "a:1on1-" + memberId;
    }

    /** Waits for the approval card (with buttons) about this text in a conversation. */
    FakeBotConnector.Sent awaitCardIn(String conversationId, String text) {
        return awaitSent(conversationId, s -> !s.update() && cardMentions(s, text) && cardMentions(s, "\"verb\":\"approve\""));
    }

    /** What the requester was told about who has the approval card. */
    FakeBotConnector.Sent awaitToldAboutApprovers(TeamsPerson requester, String text) {
        return awaitSent(requester.chatId(), s -> s.text().contains(text) && (s.text().contains("Approval of your request")
                || s.text().contains("could not be")));
    }

    /** The bot's reads of a team's roster, page by page. */
    static List<String> rosterReads(String teamId) {
        return CONNECTOR.requests().stream().map(r -> URLDecoder.decode(r, StandardCharsets.UTF_8))
                .filter(r -> r.startsWith("GET /v3/conversations/" + teamId + "/pagedmembers")).toList();
    }

    static long cardsIn(String conversationId, String text) {
        return CONNECTOR.sentTo(conversationId).stream().filter(s -> !s.update() && cardMentions(s, text)).count();
    }
}
