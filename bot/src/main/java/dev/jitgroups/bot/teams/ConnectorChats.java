package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.ChatPartner;
import dev.jitgroups.bot.notify.DeliveryException;
import dev.jitgroups.bot.notify.PersonalChats;
import dev.jitgroups.bot.security.BotSettings;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Opens 1:1 chats through the Bot Connector ({@code POST {serviceUrl}/v3/conversations}) with the service URL and bot
 * account of a stored conversation in the same tenant, and only in tenants of {@code jit.bot.allowed-tenants}.
 */
@Component
class ConnectorChats implements PersonalChats {

    private final TeamsAdapter adapter;
    private final BotSettings settings;

    ConnectorChats(TeamsAdapter adapter, BotSettings settings) {
        this.adapter = adapter;
        this.settings = settings;
    }

    @Override
    public Address create(Address sameTenant, ChatPartner partner) {
        requireAllowedTenant(partner.tenantId());
        ConversationReference template = ProactiveTurn.reference(sameTenant);
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(template.getBot());
        parameters.setMembers(List.of(new ChannelAccount(partner.memberId())));
        parameters.setTenantId(partner.tenantId());
        ObjectNode channelData = Json.MAPPER.createObjectNode();
        channelData.putObject("tenant").put("id", partner.tenantId());
        parameters.setChannelData(channelData);
        AtomicReference<String> id = new AtomicReference<>();
        ProactiveTurn.run(adapter, template, turn -> ProactiveTurn.connector(turn).getConversations()
                .createConversation(parameters).thenAccept(created -> id.set(created == null ? null : created.getId())));
        if (id.get() == null || id.get().isBlank()) {
            throw new DeliveryException("the Bot Connector created a conversation without an id", true, null);
        }
        return known(sameTenant, id.get(), partner);
    }

    @Override
    public Address known(Address sameTenant, String conversationId, ChatPartner partner) {
        requireAllowedTenant(partner.tenantId());
        ConversationReference template = ProactiveTurn.reference(sameTenant);
        ConversationReference reference = new ConversationReference();
        reference.setChannelId(template.getChannelId());
        reference.setServiceUrl(template.getServiceUrl());
        reference.setBot(template.getBot());
        reference.setLocale(template.getLocale());
        ConversationAccount conversation = new ConversationAccount(conversationId);
        conversation.setConversationType("personal");
        conversation.setTenantId(partner.tenantId());
        reference.setConversation(conversation);
        ChannelAccount user = new ChannelAccount(partner.memberId());
        user.setAadObjectId(partner.aadObjectId());
        reference.setUser(user);
        try {
            return new Address(conversationId, true, partner.accountId(), partner.aadObjectId(), partner.tenantId(), null,
                    null, Json.MAPPER.writeValueAsString(reference));
        } catch (JsonProcessingException e) {
            throw new DeliveryException("could not write the reference of conversation " + conversationId, false, e);
        }
    }

    /** Never a conversation in a tenant the bot does not serve, whatever a stored row or a roster says. */
    private void requireAllowedTenant(String tenantId) {
        if (!settings.allowsTenant(tenantId)) {
            throw new DeliveryException("tenant " + tenantId + " is not in jit.bot.allowed-tenants; no conversation "
                    + "is opened there", false, null);
        }
    }
}
