package dev.jitgroups.bot.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The few Microsoft Graph calls the bot needs, over plain HTTPS with an app-only token (client credentials).
 * Faults are {@link GraphException}s; "no such user" is an empty result.
 */
class GraphClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final GraphSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Clock clock;
    private String token;
    private Instant tokenUntil = Instant.EPOCH;

    GraphClient(GraphSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The on-premises objectSid of an Entra user, empty when the user is unknown or cloud-only. */
    Optional<String> onPremisesSid(String aadObjectId) {
        JsonNode user = get("/users/" + encode(aadObjectId) + "?$select=id,userPrincipalName,onPremisesSecurityIdentifier");
        return user == null ? Optional.empty() : text(user, "onPremisesSecurityIdentifier");
    }

    /** The Entra object id of the user synchronised from this AD objectSid. */
    Optional<String> userIdBySid(String sid) {
        JsonNode found = get("/users?$select=id&$filter=" + encode("onPremisesSecurityIdentifier eq '" + sid.replace("'",
                "''") + "'"));
        return found == null ? Optional.empty() : text(found.path("value").path(0), "id");
    }

    /** True when the user is a transitive member of the group. */
    boolean isMemberOf(String userId, String groupId) {
        JsonNode result = post("/users/" + encode(userId) + "/checkMemberGroups",
                MAPPER.createObjectNode().set("groupIds", MAPPER.createArrayNode().add(groupId)));
        if (result == null) {
            return false;
        }
        for (JsonNode id : result.path("value")) {
            if (groupId.equalsIgnoreCase(id.asText())) {
                return true;
            }
        }
        return false;
    }

    /** A GET; null when Graph answers 404. */
    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A POST of a JSON body; the answer's body (empty for 201/204 without one), null on 404. */
    JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    String baseUrl() {
        return settings.baseUrl();
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> r = call(request.header("Authorization", "Bearer " + token()).timeout(TIMEOUT).build());
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() / 100 != 2) {
            throw GraphException.of("Microsoft Graph answered HTTP " + r.statusCode(), r.statusCode());
        }
        return r.body() == null || r.body().isBlank() ? MAPPER.createObjectNode() : read(r.body());
    }

    private synchronized String token() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenUntil)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(settings.clientSecret()) + "&scope=" + encode("https://graph.microsoft.com/.default");
        HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(settings.tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() / 100 != 2) {
            throw GraphException.of("the Graph token endpoint answered HTTP " + r.statusCode()
                    + "; check jit.graph.tenant-id, client-id and client-secret", r.statusCode() >= 500 ? 503 : 400);
        }
        JsonNode t = read(r.body());
        token = t.path("access_token").asText();
        tokenUntil = now.plusSeconds(Math.max(60, t.path("expires_in").asLong(3600) - 120));
        return token;
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw GraphException.of("Microsoft Graph unreachable: " + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraphException.of("interrupted", 0);
        }
    }

    private URI uri(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    private static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw GraphException.of("Microsoft Graph sent something that is not JSON", 502);
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
