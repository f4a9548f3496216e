package dev.jitgroups.bot.identity;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Microsoft Graph can do to reach someone in Teams who never wrote to the bot: find their Entra user from their
 * AD objectSid, and install JIT Groups in their personal scope to get the 1:1 chat between them and the bot. Every
 * method throws {@link GraphException} when Graph cannot answer or refuses.
 */
public class TeamsAppInstalls {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsAppInstalls.class);

    private final Optional<GraphClient> graph;
    private final GraphSettings settings;
    private volatile String catalogAppId;

    TeamsAppInstalls(Optional<GraphClient> graph, GraphSettings settings) {
        this.graph = graph;
        this.settings = settings;
        this.catalogAppId = settings.teamsCatalogAppId().isEmpty() ? null : settings.teamsCatalogAppId();
    }

    /** Graph is configured: Entra users can be found by their on-premises SID. */
    public boolean finds() {
        return graph.isPresent();
    }

    /** Graph is configured with the Teams app's id: the app can be installed for people. */
    public boolean installs() {
        return graph.isPresent() && settings.installsApp();
    }

    /** The Entra tenant Graph works in (where installed chats are). */
    public String tenantId() {
        return settings.tenantId() == null ? "" : settings.tenantId().strip();
    }

    /** The Entra object id of the user synchronised from this AD objectSid, empty when there is none. */
    public Optional<String> entraUserOf(String objectSid) {
        return graph.isEmpty() ? Optional.empty() : graph.get().userIdBySid(objectSid);
    }

    /**
     * The id of the 1:1 chat between this Entra user and the bot, after installing the app in their personal scope
     * when it is not installed yet (an existing installation is used as it is).
     */
    public String personalChat(String entraUserId) {
        GraphClient g = graph.orElseThrow(() -> new IllegalStateException("Microsoft Graph is not configured"));
        String app = catalogAppId(g);
        String installation = g.installation(entraUserId, app).orElseGet(() -> install(g, entraUserId, app));
        return g.installedAppChat(entraUserId, installation).orElseThrow(() -> new GraphException(
                "the app is installed for Entra user " + entraUserId + " but Teams has no chat for it yet",
                GraphException.Problem.UNAVAILABLE));
    }

    private String install(GraphClient g, String entraUserId, String app) {
        try {
            if (!g.install(entraUserId, app)) {
                throw new GraphException("Microsoft Graph knows no user " + entraUserId, GraphException.Problem.REFUSED);
            }
            LOG.info("installed JIT Groups in Teams for Entra user {} (to send an approval card)", entraUserId);
        } catch (GraphException e) {
            if (e.status() != 409) {
                throw e;
            }
            // installed meanwhile (by an admin policy, or another instance of the bot): use that installation
        }
        return g.installation(entraUserId, app).orElseThrow(() -> new GraphException("the app was installed for Entra "
                + "user " + entraUserId + " but is not listed yet", GraphException.Problem.UNAVAILABLE));
    }

    /** The app's id in the organisation's catalog (not the manifest id), looked up once. */
    private String catalogAppId(GraphClient g) {
        String known = catalogAppId;
        if (known != null) {
            return known;
        }
        known = g.catalogAppId(settings.teamsAppId()).orElseThrow(() -> new GraphException("no app with manifest id "
                + settings.teamsAppId() + " (jit.graph.teams-app-id) is in the organisation's Teams app catalog",
                GraphException.Problem.NOT_FOUND));
        catalogAppId = known;
        return known;
    }
}
