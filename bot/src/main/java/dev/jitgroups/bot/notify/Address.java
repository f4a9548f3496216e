package dev.jitgroups.bot.notify;

/**
 * Where the bot can post: one Teams conversation and its stored reference.
 *
 * @param personal a 1:1 chat (else a channel or group chat)
 * @param accountId the AD account (objectSid) of the person in a 1:1 chat, or null
 * @param aadObjectId the Entra object id of that person, or null
 * @param channelName the Teams channel's name, for a channel (matched by a group's notify-channel), or null
 * @param reference the Bot Framework conversation reference as JSON (opaque here)
 */
public record Address(String conversationId, boolean personal, String accountId, String aadObjectId,
        String tenantId, String channelName, String reference) {
}
