package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Teams-shaped activities as the Bot Connector delivers them. */
final class TeamsActivities {

    static final String TENANT = "72f988bf-0000-0000-0000-000000000001";
    static final String BOT_ID = "28:jit-groups-bot";

    private TeamsActivities() {
    }

    static ObjectNode message(TeamsPerson from, String text, String serviceUrl) {
        ObjectNode a = base("message", from, from.chatId(), "personal", serviceUrl);
        a.put("text", text);
        a.put("textFormat", "plain");
        return a;
    }

    static final String TEAM = "19:team-security@thread.tacv2";

    static ObjectNode channelMessage(TeamsPerson from, String channelId, String text, String serviceUrl) {
        return channelMessage(from, TEAM, channelId, null, text, serviceUrl);
    }

    /**
     * A message in a team channel, mentioning the bot, as Teams sends it: the conversation is the thread
     * ({@code <channel>;messageid=...}), channelData names the team and the channel (its name only sometimes).
     */
    static ObjectNode channelMessage(TeamsPerson from, String teamId, String channelId, String channelName, String text,
            String serviceUrl) {
        ObjectNode a = base("message", from, channelId + ";messageid=" + System.nanoTime(), "channel", serviceUrl);
        ObjectNode data = a.with("channelData");
        ObjectNode channel = data.putObject("channel").put("id", channelId);
        if (channelName != null) {
            channel.put("name", channelName);
        }
        data.putObject("team").put("id", teamId);
        a.put("text", "<at>JIT Groups</at> " + text);
        ObjectNode mention = a.putArray("entities").addObject();
        mention.put("type", "mention");
        mention.put("text", "<at>JIT Groups</at>");
        mention.putObject("mentioned").put("id", BOT_ID).put("name", "JIT Groups");
        return a;
    }

    /** An Action.Execute tap ({@code adaptiveCard/action} invoke). */
    static ObjectNode execute(TeamsPerson from, String verb, JsonNode data, String serviceUrl) {
        return execute(from, verb, data, serviceUrl, null);
    }

    /** A tap on a button of the card the bot posted as {@code replyToId} (Teams names the card it came from). */
    static ObjectNode execute(TeamsPerson from, String verb, JsonNode data, String serviceUrl, String replyToId) {
        ObjectNode a = base("invoke", from, from.chatId(), "personal", serviceUrl);
        if (replyToId != null) {
            a.put("replyToId", replyToId);
        }
        a.put("name", "adaptiveCard/action");
        ObjectNode value = a.putObject("value");
        value.put("trigger", "manual");
        ObjectNode action = value.putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", verb);
        action.set("data", data);
        return a;
    }

    /** The person installed the app in their personal scope: Teams says the bot joined their 1:1 chat. */
    static ObjectNode personalInstall(TeamsPerson who, String serviceUrl) {
        ObjectNode a = base("conversationUpdate", who, who.chatId(), "personal", serviceUrl);
        a.putArray("membersAdded").addObject().put("id", BOT_ID);
        return a;
    }

    /** The {@code installationUpdate} Teams sends beside it (action {@code add}). */
    static ObjectNode installationUpdate(TeamsPerson who, String action, String serviceUrl) {
        ObjectNode a = base("installationUpdate", who, who.chatId(), "personal", serviceUrl);
        a.put("action", action);
        return a;
    }

    /** Someone added the app to a team: the conversation is the team's General channel, named by the team id. */
    static ObjectNode teamInstall(TeamsPerson by, String teamId, String serviceUrl) {
        ObjectNode a = base("conversationUpdate", by, teamId, "channel", serviceUrl);
        a.putArray("membersAdded").addObject().put("id", BOT_ID);
        ObjectNode data = a.with("channelData");
        data.putObject("team").put("id", teamId).put("name", "Security");
        data.put("eventType", "teamMemberAdded");
        return a;
    }

    private static ObjectNode base(String type, TeamsPerson from, String conversationId, String conversationType,
            String serviceUrl) {
        ObjectNode a = FakeBotConnector.MAPPER.createObjectNode();
        a.put("type", type);
        a.put("id", UUID.randomUUID().toString());
        a.put("timestamp", "2026-11-29T20:00:00.000Z");
        a.put("serviceUrl", serviceUrl);
        a.put("channelId", "msteams");
        a.putObject("from").put("id", from.userId()).put("name", from.name()).put("aadObjectId", from.aadObjectId());
        a.putObject("conversation").put("id", conversationId).put("conversationType", conversationType)
                .put("tenantId", TENANT);
        a.putObject("recipient").put("id", BOT_ID).put("name", "JIT Groups");
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        a.put("locale", "en-US");
        return a;
    }
}
