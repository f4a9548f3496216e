package dev.jitgroups.bot.identity;

/**
 * A Teams user as the Bot Connector describes them.
 *
 * @param aadObjectId Entra object id ({@code from.aadObjectId})
 * @param userPrincipalName from the Teams member roster, or null when unknown
 * @param name display name as Teams shows it
 */
public record TeamsUser(String aadObjectId, String userPrincipalName, String name) {
}
