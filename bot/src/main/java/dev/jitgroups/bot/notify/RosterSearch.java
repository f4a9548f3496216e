package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.security.BotSettings;
import dev.jitgroups.core.directory.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds an AD account among the members of the teams and group chats the bot is installed in. What rosters taught is
 * kept in the database; a roster is read again only when someone is looked for who is not known yet, and then at most
 * every {@link #REREAD_AFTER}, so notices do not fetch rosters.
 */
@Component
class RosterSearch {

    static final Duration REREAD_AFTER = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(RosterSearch.class);

    private final ConversationStore conversations;
    private final MemberStore members;
    private final Rosters rosters;
    private final BotSettings settings;
    private final Clock clock;

    RosterSearch(ConversationStore conversations, MemberStore members, Rosters rosters, BotSettings settings,
            Clock clock) {
        this.conversations = conversations;
        this.members = members;
        this.rosters = rosters;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The account as a team member: by its Entra object id when Microsoft Graph maps the account, else by UPN.
     *
     * @throws DeliveryException (retryable) when a roster that must be read cannot be read now
     */
    Optional<TeamMember> find(Account account, Optional<String> aadObjectId) {
        Optional<TeamMember> known = members.find(account.userPrincipalName(), aadObjectId);
        if (known.isPresent() || !readStaleRosters()) {
            return known;
        }
        return members.find(account.userPrincipalName(), aadObjectId);
    }

    /** Reads the rosters not read for a while; true when any was read. */
    private boolean readStaleRosters() {
        boolean read = false;
        for (RosterSource source : conversations.rosterSources()) {
            if (!settings.allowsTenant(source.via().tenantId())
                    || members.readAfter(source.id(), clock.instant().minus(REREAD_AFTER))) {
                continue;
            }
            try {
                List<TeamMember> roster = rosters.members(source.via(), source.id());
                members.replace(source.id(), roster);
                LOG.info("read the roster of {} ({} members)", source.id(), roster.size());
                read = true;
            } catch (DeliveryException e) {
                if (e.retryable()) {
                    throw e;
                }
                members.refused(source.id(), e.getMessage());
                LOG.info("the roster of {} cannot be read: {}", source.id(), e.getMessage());
            }
        }
        return read;
    }
}
