package dev.jitgroups.bot.notify;

/**
 * A person in the roster of a team (or group chat) the bot is installed in, as the Bot Connector lists them.
 *
 * @param userId the Teams user id ({@code 29:...}), which opens a 1:1 chat
 * @param aadObjectId the Entra object id, or null
 * @param userPrincipalName the Entra UPN, or null
 * @param tenantId the team's tenant
 */
public record TeamMember(String userId, String aadObjectId, String userPrincipalName, String name, String tenantId) {
}
