package dev.jitgroups.bot.notify;

/**
 * Where the bot can post: one Teams conversation and its stored reference.
 *
 * @param conversationId a 1:1 chat, a group chat, or a channel by its channel id
 * @param personal a 1:1 chat (else a channel or group chat)
 * @param accountId the AD account (objectSid) of the person in a 1:1 chat, or null
 * @param aadObjectId the Entra object id of that person, or null
 * @param teamId the team of a channel, or null
 * @param channelName the Teams channel's name as last seen: a label for people, never used to find a channel
 * @param reference the Bot Framework conversation reference as JSON (opaque here)
 */
public record Address(String conversationId, boolean personal, String accountId, String aadObjectId,
        String tenantId, String teamId, String channelName, String reference) {
}
