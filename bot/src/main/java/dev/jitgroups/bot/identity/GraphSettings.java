package dev.jitgroups.bot.identity;

import dev.jitgroups.bot.security.AppCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Microsoft Graph access ({@code jit.graph.*}), optional: without a client id the bot maps users by UPN only and
 * {@code entra-group:} references match nobody.
 *
 * @param clientSecret the app registration's client secret, or empty with a certificate
 * @param certificateFile instead of a secret: a PEM (PKCS#8 key and certificate) or PKCS#12 file
 * @param baseUrl Graph's root, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param authorityHost Entra ID's login host, where tokens for Graph are asked for
 * @param teamsAppId the Teams app manifest id (the package's {@code id}); set, the bot installs the app for approvers
 *        who have it nowhere (permission {@code TeamsAppInstallation.ReadWriteSelfForUser.All})
 * @param teamsCatalogAppId the app's id in the organisation's app catalog; empty means looked up from teamsAppId
 *        (then also {@code AppCatalog.Read.All})
 * @param retries how often a request Graph answered 429, 503 or 504 is sent again at once
 * @param maxRetryAfter the longest Retry-After waited for within a chat turn; a longer one counts as Graph being
 *        unavailable, and durable work is retried later with its own back-off
 * @param tokenUrl no longer used (tokens come from authorityHost and tenantId); set, start-up says so
 */
@ConfigurationProperties("jit.graph")
public record GraphSettings(String tenantId, String clientId, String clientSecret, String certificateFile,
        String certificatePassword, String baseUrl, String authorityHost, String teamsAppId, String teamsCatalogAppId,
        Integer retries, Duration maxRetryAfter, String tokenUrl) {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @ConstructorBinding
    public GraphSettings {
        tenantId = blank(tenantId) ? "" : tenantId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret;
        certificateFile = blank(certificateFile) ? "" : certificateFile.strip();
        baseUrl = blank(baseUrl) ? "https://graph.microsoft.com/v1.0" : baseUrl.strip().replaceAll("/+$", "");
        authorityHost = blank(authorityHost) ? "https://login.microsoftonline.com/"
                : authorityHost.strip().replaceAll("/+$", "") + "/";
        teamsAppId = blank(teamsAppId) ? "" : teamsAppId.strip();
        teamsCatalogAppId = blank(teamsCatalogAppId) ? "" : teamsCatalogAppId.strip();
        retries = retries == null ? 2 : retries;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(5) : maxRetryAfter;
    }

    /** Graph for identity only, with a client secret: the app is never installed for anyone. */
    public GraphSettings(String tenantId, String clientId, String clientSecret, String baseUrl, String authorityHost) {
        this(tenantId, clientId, clientSecret, null, null, baseUrl, authorityHost, "", "", null, null, null);
    }

    public boolean enabled() {
        return !blank(clientId);
    }

    /** The bot may install its Teams app for people who have it nowhere. */
    public boolean installsApp() {
        return enabled() && !teamsAppId.isEmpty();
    }

    /** The app registration the bot calls Graph as. */
    AppCredential credential() {
        return new AppCredential("jit.graph", "jit.graph.tenant-id, jit.graph.client-id and jit.graph.client-secret or "
                + "jit.graph.certificate-file", authorityHost + tenantId + "/", clientId, clientSecret, certificateFile,
                certificatePassword);
    }

    /** Problems with the keys when Graph is enabled, each naming its key. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!enabled()) {
            return problems;
        }
        if (tenantId.isEmpty()) {
            problems.add("jit.graph.tenant-id: is missing; the Entra tenant id is needed when jit.graph.client-id is set");
        }
        credentialProblems(problems);
        if (!teamsAppId.isEmpty() && !GUID.matcher(teamsAppId).matches()) {
            problems.add("jit.graph.teams-app-id: '" + teamsAppId + "' is not a GUID; give the id of the Teams app "
                    + "manifest (TEAMS_APP_ID when the package was built)");
        }
        if (!teamsCatalogAppId.isEmpty() && !GUID.matcher(teamsCatalogAppId).matches()) {
            problems.add("jit.graph.teams-catalog-app-id: '" + teamsCatalogAppId + "' is not a GUID; give the app's id "
                    + "in your organisation's Teams app catalog, or leave it empty to look it up");
        }
        if (retries < 0 || retries > 10) {
            problems.add("jit.graph.retries: " + retries + " is not between 0 and 10");
        }
        if (maxRetryAfter.isNegative() || maxRetryAfter.compareTo(Duration.ofMinutes(3)) > 0) {
            problems.add("jit.graph.max-retry-after: " + maxRetryAfter + " is not between 0s and 3m (the Graph SDK's "
                    + "limit; a chat turn cannot wait that long anyway)");
        }
        return problems;
    }

    private void credentialProblems(List<String> problems) {
        if (clientSecret.isEmpty() && certificateFile.isEmpty()) {
            problems.add("jit.graph.client-secret: is missing; set it from a secret (environment JIT_GRAPH_CLIENTSECRET)"
                    + " or give jit.graph.certificate-file");
        } else if (!clientSecret.isEmpty() && !certificateFile.isEmpty()) {
            problems.add("jit.graph.certificate-file: set either it or jit.graph.client-secret, not both");
        } else if (!certificateFile.isEmpty() && !Files.isReadable(Path.of(certificateFile))) {
            problems.add("jit.graph.certificate-file: " + certificateFile + " cannot be read");
        }
        if (!blank(tokenUrl)) {
            problems.add("jit.graph.token-url: is no longer used; tokens come from jit.graph.authority-host (default "
                    + "https://login.microsoftonline.com/) and jit.graph.tenant-id; remove it");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "GraphSettings[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret.isEmpty() ? "(none)" : "(set)") + ", certificateFile=" + certificateFile
                + ", certificatePassword=" + (blank(certificatePassword) ? "(none)" : "(set)") + ", baseUrl=" + baseUrl
                + ", authorityHost=" + authorityHost + ", teamsAppId=" + teamsAppId + "]";
    }
}
