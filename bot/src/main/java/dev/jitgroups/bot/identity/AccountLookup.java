package dev.jitgroups.bot.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.DirectoryException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Teams user to AD account. With Microsoft Graph: the Entra user's onPremisesSecurityIdentifier, then the AD
 * account by objectSid; without Graph (or when Graph cannot answer): the Teams member's UPN as AD
 * userPrincipalName. Results are cached briefly so a chat turn does not cost directory round trips each time; a
 * disabled account is returned as such (core refuses it).
 */
@Component
public class AccountLookup {

    static final Duration TTL = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(AccountLookup.class);

    private final AccountDirectory directory;
    private final Optional<GraphClient> graph;
    private final Cache<String, Optional<Account>> cache;

    AccountLookup(AccountDirectory directory, Optional<GraphClient> graph, Clock clock) {
        this.directory = directory;
        this.graph = graph;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(TTL)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** The user's AD account, or why there is none; never throws for a directory outage. */
    public Identity identify(TeamsUser user) {
        String key = user.aadObjectId() + "|" + user.userPrincipalName();
        Optional<Account> hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit.<Identity>map(Identity.Known::new).orElseGet(Identity.Unknown::new);
        }
        try {
            Optional<Account> found = lookUp(user);
            cache.put(key, found);
            return found.<Identity>map(Identity.Known::new).orElseGet(Identity.Unknown::new);
        } catch (DirectoryException e) {
            if (!e.retryable()) {
                throw e;
            }
            LOG.warn("the directory could not be asked who {} is: {}", user.userPrincipalName(), e.getMessage());
            return new Identity.DirectoryDown(referenceWithoutDirectory(user));
        }
    }

    /** Who the user is without the directory: their objectSid through Graph, else the UPN Teams knows. */
    private Optional<String> referenceWithoutDirectory(TeamsUser user) {
        if (graph.isPresent() && user.aadObjectId() != null && !user.aadObjectId().isBlank()) {
            try {
                Optional<String> sid = graph.get().onPremisesSid(user.aadObjectId());
                if (sid.isPresent()) {
                    return Optional.of("sid:" + sid.get());
                }
            } catch (GraphException e) {
                LOG.warn("Graph could not map Entra user {} either ({})", user.aadObjectId(), e.getMessage());
            }
        }
        String upn = user.userPrincipalName();
        return upn == null || upn.isBlank() ? Optional.empty() : Optional.of(upn.strip());
    }

    private Optional<Account> lookUp(TeamsUser user) {
        if (graph.isPresent() && user.aadObjectId() != null && !user.aadObjectId().isBlank()) {
            try {
                Optional<String> sid = graph.get().onPremisesSid(user.aadObjectId());
                if (sid.isEmpty()) {
                    LOG.info("Entra user {} has no on-premises account", user.aadObjectId());
                    return Optional.empty();
                }
                return directory.findUser("sid:" + sid.get());
            } catch (GraphException e) {
                LOG.warn("Graph could not map Entra user {} ({}); falling back to the Teams UPN", user.aadObjectId(),
                        e.getMessage());
            }
        }
        String upn = user.userPrincipalName();
        return upn == null || upn.isBlank() ? Optional.empty() : directory.findUser(upn.strip());
    }
}
