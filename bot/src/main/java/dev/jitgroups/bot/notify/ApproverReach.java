package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.identity.GraphException;
import dev.jitgroups.bot.identity.TeamsAppInstalls;
import dev.jitgroups.bot.security.BotSettings;
import dev.jitgroups.core.directory.Account;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds somewhere to post to an approver 1:1, most approvers never having written to the bot: their stored 1:1 chat;
 * else a chat the bot opens with them as a member of a team it is in (matched by Entra object id when Graph maps the
 * account, else by UPN); else, with Microsoft Graph, a chat opened by their Entra object id (the app is installed for
 * them), or the chat of the app Graph installs for them. Every chat opened is stored with the account.
 */
@Component
class ApproverReach {

    private static final Logger LOG = LoggerFactory.getLogger(ApproverReach.class);

    private final ConversationStore store;
    private final RosterSearch rosters;
    private final PersonalChats chats;
    private final TeamsAppInstalls graph;
    private final BotSettings settings;

    ApproverReach(ConversationStore store, RosterSearch rosters, PersonalChats chats, TeamsAppInstalls graph,
            BotSettings settings) {
        this.store = store;
        this.rosters = rosters;
        this.chats = chats;
        this.graph = graph;
        this.settings = settings;
    }

    Reach reach(Account approver) {
        Optional<Address> stored = store.personalChatOf(approver.id());
        if (stored.isPresent()) {
            return new Reach.Chat(stored.get());
        }
        try {
            return open(approver);
        } catch (GraphException e) {
            if (e.retryable()) {
                return new Reach.Later(Unreachable.GRAPH_DOWN, new DeliveryException("Microsoft Graph: "
                        + e.getMessage(), true, e));
            }
            return graphRefused(e);
        } catch (DeliveryException e) {
            return e.retryable() ? new Reach.Later(Unreachable.TEAMS_DOWN, e)
                    : new Reach.NotReached(Unreachable.TEAMS_REFUSED, e.getMessage());
        }
    }

    private Reach open(Account approver) {
        Optional<String> entraUser = graph.entraUserOf(approver.id());
        Optional<TeamMember> member = rosters.find(approver, entraUser);
        if (member.isPresent()) {
            TeamMember m = member.get();
            Optional<Reach> chat = create(approver, new ChatPartner(m.userId(), m.aadObjectId(), approver.id(),
                    m.tenantId()));
            if (chat.isPresent()) {
                return chat.get();
            }
        }
        if (!graph.finds()) {
            return member.isPresent() ? new Reach.NotReached(Unreachable.CHAT_REFUSED, "Teams refused a 1:1 chat with "
                    + "team member " + member.get().userId() + "; Microsoft Graph (jit.graph.*) is not configured")
                    : new Reach.NotReached(Unreachable.NOWHERE, "no 1:1 chat, in no team roster the bot can read, and "
                    + "Microsoft Graph (jit.graph.*) is not configured");
        }
        if (entraUser.isEmpty()) {
            return new Reach.NotReached(Unreachable.NO_ENTRA_USER, "Microsoft Graph has no user whose "
                    + "onPremisesSecurityIdentifier is " + approver.id());
        }
        String tenant = graph.tenantId().isEmpty() ? settings.homeTenant() : graph.tenantId();
        ChatPartner partner = new ChatPartner(entraUser.get(), entraUser.get(), approver.id(), tenant);
        // the app may be installed for them already (the install event predates the bot's database, say)
        Optional<Reach> chat = create(approver, partner);
        if (chat.isPresent()) {
            return chat.get();
        }
        if (!graph.installs()) {
            return new Reach.NotReached(Unreachable.NOT_INSTALLED, "Teams refused a 1:1 chat with Entra user "
                    + entraUser.get() + "; set jit.graph.teams-app-id to let the bot install its app for people");
        }
        return install(approver, partner);
    }

    /** A 1:1 chat through the Bot Connector; empty when Teams refuses it (the app is not installed for them). */
    private Optional<Reach> create(Account approver, ChatPartner partner) {
        Optional<Reach> impossible = checkTenant(partner);
        if (impossible.isPresent()) {
            return impossible;
        }
        try {
            Address chat = chats.create(store.newestInTenant(partner.tenantId()).orElseThrow(), partner);
            store.save(chat, true);
            LOG.info("opened a 1:1 chat with approver {} ({})", approver.displayName(), approver.userPrincipalName());
            return Optional.of(new Reach.Chat(chat));
        } catch (DeliveryException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.info("Teams refused a 1:1 chat with approver {} ({}) as {}: {}", approver.displayName(),
                    approver.userPrincipalName(), partner.memberId(), e.getMessage());
            return Optional.empty();
        }
    }

    private Reach install(Account approver, ChatPartner partner) {
        String chatId = graph.personalChat(partner.aadObjectId());
        Address chat = chats.known(store.newestInTenant(partner.tenantId()).orElseThrow(), chatId, partner);
        store.save(chat, true);
        LOG.info("reached approver {} ({}) through the app Microsoft Graph installed for them", approver.displayName(),
                approver.userPrincipalName());
        return new Reach.Chat(chat);
    }

    private Optional<Reach> checkTenant(ChatPartner partner) {
        if (!settings.allowsTenant(partner.tenantId())) {
            return Optional.of(new Reach.NotReached(Unreachable.TENANT_NOT_ALLOWED, "tenant " + partner.tenantId()
                    + " is not in jit.bot.allowed-tenants"));
        }
        if (store.newestInTenant(partner.tenantId()).isEmpty()) {
            return Optional.of(new Reach.NotReached(Unreachable.NO_SERVICE_URL, "no conversation in tenant "
                    + partner.tenantId() + " is stored yet, so Teams' service URL there is unknown"));
        }
        return Optional.empty();
    }

    private static Reach graphRefused(GraphException e) {
        return switch (e.problem()) {
            case FORBIDDEN -> new Reach.NotReached(Unreachable.GRAPH_FORBIDDEN, e.getMessage() + "; grant the app "
                    + "registration of jit.graph.client-id the application permissions User.Read.All and "
                    + "TeamsAppInstallation.ReadWriteSelfForUser.All (and AppCatalog.Read.All unless "
                    + "jit.graph.teams-catalog-app-id is set), with admin consent");
            case NOT_FOUND -> new Reach.NotReached(Unreachable.NOT_IN_CATALOG, e.getMessage() + "; upload the app "
                    + "package in the Teams admin center, or check jit.graph.teams-app-id");
            default -> new Reach.NotReached(Unreachable.GRAPH_REFUSED, e.getMessage());
        };
    }
}
