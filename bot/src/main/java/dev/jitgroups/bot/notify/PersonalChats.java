package dev.jitgroups.bot.notify;

/** Opens 1:1 chats with people who never wrote to the bot (implemented over the Bot Connector). */
public interface PersonalChats {

    /**
     * Creates the 1:1 chat with a person ({@code POST /v3/conversations}; Teams answers the existing one if there is
     * one).
     *
     * @param sameTenant a stored conversation in the person's tenant: its service URL and bot account are used
     * @return where to post, with the person's account
     * @throws DeliveryException when Teams refused (not retryable: the app is not installed for them, say) or did not
     *         answer (retryable), or the tenant is not allowed
     */
    Address create(Address sameTenant, ChatPartner partner);

    /** A 1:1 chat known by its id (from Microsoft Graph), as somewhere to post. */
    Address known(Address sameTenant, String conversationId, ChatPartner partner);
}
