package dev.jitgroups.bot.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Graph requests the bot makes, described the way the Graph SDK's generated request builders describe them: a URL
 * template of Graph's v1.0 API (RFC 6570, expanded and encoded by the SDK) with path parameters and OData query
 * options. The generated library has builders for all of Graph (64 MB); these are the seven the bot needs.
 */
final class GraphRequests {

    private static final String QUERY = "{?%24count,%24expand,%24filter,%24orderby,%24search,%24select,%24skip,%24top}";
    private static final String USER = "{+baseurl}/users/{user%2Did}";
    private static final String INSTALLED_APPS = USER + "/teamwork/installedApps";

    private GraphRequests() {
    }

    /** {@code GET /users/{id}?$select=...}. */
    static RequestInformation user(String id, String... select) {
        RequestInformation r = get(USER + "{?%24expand,%24select}", Map.of("user%2Did", id));
        r.addQueryParameter("%24select", select);
        return r;
    }

    /** {@code GET /users?$filter=...&$select=...}. */
    static RequestInformation users(String filter, String... select) {
        RequestInformation r = get("{+baseurl}/users" + QUERY, Map.of());
        r.addQueryParameter("%24filter", filter);
        r.addQueryParameter("%24select", select);
        return r;
    }

    /** {@code POST /users/{id}/checkMemberGroups}: which of the groups the user is in, transitively. */
    static RequestInformation checkMemberGroups(String userId, JsonNode body) {
        return post(USER + "/checkMemberGroups", Map.of("user%2Did", userId), body);
    }

    /** {@code GET /appCatalogs/teamsApps?$filter=...}: the organisation's Teams app catalog. */
    static RequestInformation catalogApps(String filter) {
        RequestInformation r = get("{+baseurl}/appCatalogs/teamsApps" + QUERY, Map.of());
        r.addQueryParameter("%24filter", filter);
        return r;
    }

    /** {@code GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=...}. */
    static RequestInformation installedApps(String userId, String filter) {
        RequestInformation r = get(INSTALLED_APPS + QUERY, Map.of("user%2Did", userId));
        r.addQueryParameter("%24expand", new String[] {"teamsApp"});
        r.addQueryParameter("%24filter", filter);
        return r;
    }

    /** {@code POST /users/{id}/teamwork/installedApps}: installs an app in the user's personal scope. */
    static RequestInformation install(String userId, JsonNode body) {
        return post(INSTALLED_APPS, Map.of("user%2Did", userId), body);
    }

    /** {@code GET /users/{id}/teamwork/installedApps/{installation}/chat}: the 1:1 chat with the installed bot. */
    static RequestInformation installedAppChat(String userId, String installationId) {
        return get(INSTALLED_APPS + "/{userScopeTeamsAppInstallation%2Did}/chat{?%24expand,%24select}",
                Map.of("user%2Did", userId, "userScopeTeamsAppInstallation%2Did", installationId));
    }

    private static RequestInformation get(String template, Map<String, Object> path) {
        RequestInformation r = new RequestInformation(HttpMethod.GET, template, new HashMap<>(path));
        r.headers.tryAdd("Accept", "application/json");
        return r;
    }

    private static RequestInformation post(String template, Map<String, Object> path, JsonNode body) {
        RequestInformation r = new RequestInformation(HttpMethod.POST, template, new HashMap<>(path));
        r.headers.tryAdd("Accept", "application/json");
        // a byte array, so that the retry handler may send the body again
        r.setStreamContent(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)),
                "application/json");
        return r;
    }
}
