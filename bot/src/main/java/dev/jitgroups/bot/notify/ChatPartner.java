package dev.jitgroups.bot.notify;

/**
 * Whom a 1:1 chat is opened with.
 *
 * @param memberId the Teams user id ({@code 29:...}), or the Entra object id when that is all that is known
 * @param aadObjectId the Entra object id, or null
 * @param accountId the AD account (objectSid) the chat is stored for
 * @param tenantId the person's tenant; it must be one of {@code jit.bot.allowed-tenants}
 */
public record ChatPartner(String memberId, String aadObjectId, String accountId, String tenantId) {
}
