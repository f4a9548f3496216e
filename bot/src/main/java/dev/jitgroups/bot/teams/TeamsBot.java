package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.bot.conversation.CardActions;
import dev.jitgroups.bot.conversation.ChatCommands;
import dev.jitgroups.bot.conversation.Inbound;
import dev.jitgroups.bot.identity.AccountLookup;
import dev.jitgroups.bot.identity.TeamsUser;
import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.ConversationStore;
import dev.jitgroups.core.directory.Account;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes one Teams activity: messages to chat commands, {@code adaptiveCard/action} invokes to card actions,
 * installs to a welcome. Every inbound activity refreshes the stored conversation reference.
 */
@Component
class TeamsBot implements Bot {

    static final String CARD_ACTION = "adaptiveCard/action";
    static final String WELCOME = "Hello, I am JIT Groups: I grant just-in-time membership of privileged AD groups, "
            + "approved here in Teams. Send `help` for the commands, or `request` to ask for access.";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
    /** How long a Teams user's UPN from the member roster is trusted before it is read again. */
    private static final Duration UPN_TTL = Duration.ofMinutes(10);

    private final ChatCommands chat;
    private final CardActions actions;
    private final AccountLookup accounts;
    private final ConversationStore conversations;
    private final BotSettings settings;
    private final TeamsAdapter adapter;
    private final Clock clock;
    private final Map<String, KnownUpn> upns = new ConcurrentHashMap<>();

    TeamsBot(ChatCommands chat, CardActions actions, AccountLookup accounts, ConversationStore conversations,
            BotSettings settings, TeamsAdapter adapter, Clock clock) {
        this.clock = clock;
        this.chat = chat;
        this.actions = actions;
        this.accounts = accounts;
        this.conversations = conversations;
        this.settings = settings;
        this.adapter = adapter;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity a = turn.getActivity();
        boolean cardAction = a.isType(ActivityTypes.INVOKE) && CARD_ACTION.equals(a.getName());
        if (!a.isType(ActivityTypes.MESSAGE) && !cardAction) {
            if (a.isType(ActivityTypes.CONVERSATION_UPDATE) || a.isType(ActivityTypes.INSTALLATION_UPDATE)) {
                remember(a, Optional.empty());
                if (botWasAdded(a) && isPersonal(a)) {
                    return send(turn, Message.text(WELCOME));
                }
            }
            return CompletableFuture.completedFuture(null);
        }
        if (a.getConversation() == null || a.getFrom() == null) {
            LOG.info("ignored a {} activity without conversation or sender", a.getType());
            return CompletableFuture.completedFuture(null);
        }
        String tenant = a.getConversation().getTenantId();
        if (!settings.allows(tenant)) {
            LOG.warn("activity from tenant {} refused: not in jit.bot.allowed-tenants", tenant);
            String refusal = "This JIT Groups bot serves another organisation; nothing was done.";
            return cardAction ? answer(turn, RequestCards.notice(refusal, true)) : send(turn, Message.text(refusal));
        }
        Optional<Account> account = accounts.accountOf(user(turn));
        remember(a, account);
        Inbound in = new Inbound(a.getConversation().getId(), isPersonal(a), account, cardAction ? ""
                : Optional.ofNullable(a.removeRecipientMention()).orElse(""));
        if (cardAction) {
            JsonNode action = Json.MAPPER.valueToTree(a.getValue()).path("action");
            return answer(turn, actions.onAction(in, action.path("verb").asText(null), action.path("data")));
        }
        CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        for (Message m : chat.onMessage(in)) {
            sent = sent.thenCompose(x -> send(turn, m));
        }
        return sent;
    }

    private TeamsUser user(TurnContext turn) {
        ChannelAccount from = turn.getActivity().getFrom();
        Instant now = clock.instant();
        KnownUpn known = upns.get(from.getId());
        String upn = known != null && known.until().isAfter(now) ? known.upn() : null;
        if (upn == null) {
            try {
                upn = upnOf(TeamsInfo.getMember(turn, from.getId()).join());
                if (upn != null) {
                    upns.put(from.getId(), new KnownUpn(upn, now.plus(UPN_TTL)));
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

    private static String channelName(Activity a) {
        try {
            TeamsChannelData data = a.teamsGetChannelData();
            return data == null || data.getChannel() == null ? null : data.getChannel().getName();
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
            String reference = Json.MAPPER.writeValueAsString(a.getConversationReference());
            conversations.save(new Address(a.getConversation().getId(), personal,
                    personal ? account.map(Account::id).orElse(null) : null,
                    personal && a.getFrom() != null ? a.getFrom().getAadObjectId() : null,
                    a.getConversation().getTenantId(), personal ? null : channelName(a), reference));
        } catch (JsonProcessingException e) {
            LOG.warn("could not store the conversation reference of {}", a.getConversation().getId(), e);
        }
    }

    private static boolean botWasAdded(Activity a) {
        return a.getMembersAdded() != null && a.getRecipient() != null && a.getMembersAdded().stream()
                .anyMatch(m -> a.getRecipient().getId().equals(m.getId()));
    }

    private static boolean isPersonal(Activity a) {
        String type = a.getConversation().getConversationType();
        return type == null || "personal".equalsIgnoreCase(type);
    }

    private static CompletableFuture<Void> send(TurnContext turn, Message m) {
        return turn.sendActivity(Activities.of(m)).thenApply(r -> null);
    }

    private record KnownUpn(String upn, Instant until) {
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
