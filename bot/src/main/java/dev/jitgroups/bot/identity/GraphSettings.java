package dev.jitgroups.bot.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Microsoft Graph access ({@code jit.graph.*}), optional: without a client id the bot maps users by UPN only and
 * {@code entra-group:} references match nobody.
 *
 * @param baseUrl Graph's root, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param tokenUrl the token endpoint; empty means Entra's for the tenant
 * @param teamsAppId the Teams app manifest id (the package's {@code id}); set, the bot installs the app for approvers
 *        who have it nowhere (permission {@code TeamsAppInstallation.ReadWriteSelfForUser.All})
 * @param teamsCatalogAppId the app's id in the organisation's app catalog; empty means looked up from teamsAppId
 *        (then also {@code AppCatalog.Read.All})
 */
@ConfigurationProperties("jit.graph")
public record GraphSettings(String tenantId, String clientId, String clientSecret, String baseUrl, String tokenUrl,
        String teamsAppId, String teamsCatalogAppId) {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @ConstructorBinding
    public GraphSettings {
        baseUrl = blank(baseUrl) ? "https://graph.microsoft.com/v1.0" : baseUrl.strip().replaceAll("/+$", "");
        tokenUrl = blank(tokenUrl) && !blank(tenantId)
                ? "https://login.microsoftonline.com/" + tenantId.strip() + "/oauth2/v2.0/token" : tokenUrl;
        teamsAppId = blank(teamsAppId) ? "" : teamsAppId.strip();
        teamsCatalogAppId = blank(teamsCatalogAppId) ? "" : teamsCatalogAppId.strip();
    }

    /** Graph for identity only: the app is never installed for anyone. */
    public GraphSettings(String tenantId, String clientId, String clientSecret, String baseUrl, String tokenUrl) {
        this(tenantId, clientId, clientSecret, baseUrl, tokenUrl, "", "");
    }

    public boolean enabled() {
        return !blank(clientId);
    }

    /** The bot may install its Teams app for people who have it nowhere. */
    public boolean installsApp() {
        return enabled() && !teamsAppId.isEmpty();
    }

    /** Problems with the keys when Graph is enabled, each naming its key. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!enabled()) {
            return problems;
        }
        if (blank(tenantId) && blank(tokenUrl)) {
            problems.add("jit.graph.tenant-id: is missing; the Entra tenant id is needed when jit.graph.client-id is set");
        }
        if (blank(clientSecret)) {
            problems.add("jit.graph.client-secret: is missing; set it from a secret (environment JIT_GRAPH_CLIENTSECRET)");
        }
        if (!teamsAppId.isEmpty() && !GUID.matcher(teamsAppId).matches()) {
            problems.add("jit.graph.teams-app-id: '" + teamsAppId + "' is not a GUID; give the id of the Teams app "
                    + "manifest (TEAMS_APP_ID when the package was built)");
        }
        if (!teamsCatalogAppId.isEmpty() && !GUID.matcher(teamsCatalogAppId).matches()) {
            problems.add("jit.graph.teams-catalog-app-id: '" + teamsCatalogAppId + "' is not a GUID; give the app's id "
                    + "in your organisation's Teams app catalog, or leave it empty to look it up");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "GraphSettings[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + (blank(clientSecret) ? "(none)" : "(set)") + ", baseUrl=" + baseUrl + ", teamsAppId=" + teamsAppId + "]";
    }
}
