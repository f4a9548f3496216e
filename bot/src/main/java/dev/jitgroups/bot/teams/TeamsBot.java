package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.conversation.CardActions;
import dev.jitgroups.bot.conversation.ChatCommands;
import dev.jitgroups.bot.conversation.Inbound;
import dev.jitgroups.bot.identity.AccountLookup;
import dev.jitgroups.bot.identity.Identity;
import dev.jitgroups.bot.identity.TeamsUser;
import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.ConversationStore;
import dev.jitgroups.bot.security.BotSettings;
import dev.jitgroups.core.directory.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes one Teams activity: messages to chat commands, {@code adaptiveCard/action} invokes to card actions,
 * installs to a welcome. Every inbound activity refreshes the stored conversation reference; a personal install binds
 * it to the installer's AD account, so approval cards reach people who never write to the bot.
 */
@Component
class TeamsBot implements Bot {

    static final String CARD_ACTION = "adaptiveCard/action";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
    /** How long a Teams user's UPN from the member roster is trusted before it is read again. */
    private static final Duration UPN_TTL = Duration.ofMinutes(10);

    private final ChatCommands chat;
    private final CardActions actions;
    private final AccountLookup accounts;
    private final ConversationStore conversations;
    private final BotSettings settings;
    private final TeamsAdapter adapter;
    private final Cache<String, String> upns;

    TeamsBot(ChatCommands chat, CardActions actions, AccountLookup accounts, ConversationStore conversations,
            BotSettings settings, TeamsAdapter adapter, Clock clock) {
        this.chat = chat;
        this.actions = actions;
        this.accounts = accounts;
        this.conversations = conversations;
        this.settings = settings;
        this.adapter = adapter;
        // bounded: one entry per Teams user seen recently, whatever arrives
        this.upns = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(UPN_TTL)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity a = turn.getActivity();
        boolean cardAction = a.isType(ActivityTypes.INVOKE) && CARD_ACTION.equals(a.getName());
        if (a.getConversation() == null || a.getFrom() == null) {
            LOG.info("ignored a {} activity without conversation or sender", a.getType());
            return acknowledge(turn, a);
        }
        if (!settings.allowsTenant(tenantOf(a))) {
            // the endpoint refuses these before they get here; nothing is stored, looked up or bound for them
            LOG.warn("{} activity from a tenant not in jit.bot.allowed-tenants ignored", a.getType());
            return acknowledge(turn, a);
        }
        if (!a.isType(ActivityTypes.MESSAGE) && !cardAction) {
            if (a.isType(ActivityTypes.CONVERSATION_UPDATE) || a.isType(ActivityTypes.INSTALLATION_UPDATE)) {
                Optional<Account> installer = installedPersonally(a) ? installer(turn) : Optional.empty();
                remember(a, installer);
                if (botWasAdded(a) && isPersonal(a)) {
                    return sendAll(turn, chat.welcome(installer));
                }
            }
            return acknowledge(turn, a);
        }
        Identity who = accounts.identify(user(turn));
        boolean firstContact = isPersonal(a) && who.knownAccount().map(acc -> !conversations.knows(conversationIdOf(a),
                acc.id())).orElse(false);
        remember(a, who.knownAccount());
        Inbound in = new Inbound(conversationIdOf(a), isPersonal(a), who, cardAction ? ""
                : Optional.ofNullable(a.removeRecipientMention()).orElse(""), a.getReplyToId(), firstContact);
        if (cardAction) {
            JsonNode action = Json.MAPPER.valueToTree(a.getValue()).path("action");
            return answer(turn, actions.onAction(in, action.path("verb").asText(null), action.path("data")));
        }
        return sendAll(turn, chat.onMessage(in));
    }

    private CompletableFuture<Void> sendAll(TurnContext turn, List<Message> messages) {
        CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        for (Message m : messages) {
            sent = sent.thenCompose(x -> send(turn, m));
        }
        return sent;
    }

    /** An invoke the bot does not handle is acknowledged (200, no body), never left to the SDK's 501. */
    private static CompletableFuture<Void> acknowledge(TurnContext turn, Activity a) {
        if (!a.isType(ActivityTypes.INVOKE)) {
            return CompletableFuture.completedFuture(null);
        }
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(200, null));
        return turn.sendActivity(response).thenApply(r -> null);
    }

    /** The activity's tenant; null when the two places Teams puts it disagree. */
    static String tenantOf(Activity a) {
        String conversation = a.getConversation() == null ? null : a.getConversation().getTenantId();
        TeamsChannelData data = channelData(a);
        String channelData = data == null || data.getTenant() == null ? null : data.getTenant().getId();
        if (conversation != null && channelData != null && !conversation.equalsIgnoreCase(channelData)) {
            return null;
        }
        return conversation != null ? conversation : channelData;
    }

    /**
     * Where to post back: a channel by its channel id (not a reply thread, {@code ;messageid=...}), any other
     * conversation by its id.
     */
    static String conversationIdOf(Activity a) {
        String id = a.getConversation().getId();
        if (isPersonal(a)) {
            return id;
        }
        TeamsChannelData data = channelData(a);
        if (data != null && data.getChannel() != null && data.getChannel().getId() != null) {
            return data.getChannel().getId();
        }
        int thread = id.indexOf(";messageid=");
        return thread < 0 ? id : id.substring(0, thread);
    }

    private TeamsUser user(TurnContext turn) {
        ChannelAccount from = turn.getActivity().getFrom();
        String upn = upns.getIfPresent(from.getId());
        if (upn == null) {
            try {
                upn = upnOf(TeamsInfo.getMember(turn, from.getId()).join());
                if (upn != null) {
                    upns.put(from.getId(), upn);
                }
            } catch (RuntimeException e) {
                LOG.info("could not read the Teams member {}: {}", from.getId(), e.getMessage());
            }
        }
        if ((upn == null || upn.isBlank()) && adapter.authenticationDisabled()) {
            // local mode (Agents Playground): the client names the user; nothing here is authenticated anyway
            upn = from.getName();
        }
        return new TeamsUser(from.getAadObjectId(), upn, from.getName());
    }

    /** The member's UPN; the Agents Playground spells the field userPrincipleName. */
    private static String upnOf(TeamsChannelAccount member) {
        if (member == null) {
            return null;
        }
        if (member.getUserPrincipalName() != null && !member.getUserPrincipalName().isBlank()) {
            return member.getUserPrincipalName();
        }
        JsonNode playground = member.getProperties().get("userPrincipleName");
        return playground != null && playground.isTextual() ? playground.asText() : null;
    }

    private static TeamsChannelData channelData(Activity a) {
        try {
            return a.teamsGetChannelData();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void remember(Activity a, Optional<Account> account) {
        if (a.getConversation() == null || a.getServiceUrl() == null) {
            return;
        }
        try {
            boolean personal = isPersonal(a);
            ConversationReference reference = a.getConversationReference();
            String conversationId = conversationIdOf(a);
            reference.getConversation().setId(conversationId);
            TeamsChannelData data = personal ? null : channelData(a);
            String teamId = data == null || data.getTeam() == null ? null : data.getTeam().getId();
            String label = data == null || data.getChannel() == null ? null : data.getChannel().getName();
            conversations.save(new Address(conversationId, personal,
                    personal ? account.map(Account::id).orElse(null) : null,
                    personal && a.getFrom() != null ? a.getFrom().getAadObjectId() : null,
                    tenantOf(a), teamId, label, Json.MAPPER.writeValueAsString(reference)), !settings.localMode());
        } catch (JsonProcessingException e) {
            LOG.warn("could not store the conversation reference of {}", a.getConversation().getId(), e);
        }
    }

    /**
     * The AD account of the person who installed the bot in their personal scope, resolved exactly as for a message,
     * so that approval cards reach them before they ever write. A directory failure costs the binding, not the activity.
     */
    private Optional<Account> installer(TurnContext turn) {
        try {
            return accounts.identify(user(turn)).knownAccount();
        } catch (RuntimeException e) {
            LOG.warn("could not look up the AD account of {}, who installed the app; their chat is stored without it: {}",
                    turn.getActivity().getFrom().getName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean installedPersonally(Activity a) {
        boolean installed = botWasAdded(a) || a.isType(ActivityTypes.INSTALLATION_UPDATE) && a.getAction() != null
                && a.getAction().startsWith("add");
        return installed && isPersonal(a);
    }

    private static boolean botWasAdded(Activity a) {
        return a.getMembersAdded() != null && a.getRecipient() != null && a.getMembersAdded().stream()
                .anyMatch(m -> a.getRecipient().getId().equals(m.getId()));
    }

    private static boolean isPersonal(Activity a) {
        String type = a.getConversation().getConversationType();
        return type == null || "personal".equalsIgnoreCase(type);
    }

    /** Sends one message; a card that shows requests is kept as their copy, to be drawn again on every change. */
    private CompletableFuture<Void> send(TurnContext turn, Message m) {
        return turn.sendActivity(Activities.of(m)).thenAccept(r -> {
            String conversation = conversationIdOf(turn.getActivity());
            for (Message.Shown shown : m.shows()) {
                conversations.addCopy(shown.request(), conversation, r == null ? null : r.getId(),
                        shown.viewerAccountId(), shown.view());
            }
        });
    }

    private static CompletableFuture<Void> answer(TurnContext turn, ObjectNode card) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("statusCode", 200);
        body.put("type", "application/vnd.microsoft.card.adaptive");
        body.set("value", card);
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(200, body));
        return turn.sendActivity(response).thenApply(r -> null);
    }
}
