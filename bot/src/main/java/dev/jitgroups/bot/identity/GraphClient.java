package dev.jitgroups.bot.identity;

import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.RequestOption;
import dev.jitgroups.bot.security.BotTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The Microsoft Graph calls the bot makes, through the Graph SDK's core: its request adapter (the base URL, the app
 * registration's token on each request and only to Graph's own host) and its middleware, whose retry handler sends a
 * request again after 429, 503 or 504 as {@link GraphRetries} allows. The requests are {@link GraphRequests}; answers
 * are read as JSON. Faults are {@link GraphException}s; "no such user, app or chat" is an empty result.
 */
class GraphClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RequestAdapter adapter;

    GraphClient(RequestAdapter adapter) {
        this.adapter = adapter;
    }

    static GraphClient create(GraphSettings settings, TokenCredential credential) {
        URI base = URI.create(settings.baseUrl());
        // the token goes to the configured Graph host only, and is asked for that host's resource
        AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential,
                new String[] {base.getHost()}, "https://" + base.getHost() + "/.default");
        OkHttpClient http = GraphClientFactory.create(new RequestOption[] {GraphRetries.option(settings.retries(),
                settings.maxRetryAfter())}).connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(60)).build();
        return new GraphClient(new BaseGraphRequestAdapter(auth, settings.baseUrl(), http));
    }

    /** The SDK's request adapter; tests point it at a local stand-in with {@code setBaseUrl}. */
    RequestAdapter getRequestAdapter() {
        return adapter;
    }

    String baseUrl() {
        return adapter.getBaseUrl();
    }

    /** The on-premises objectSid of an Entra user, empty when the user is unknown or cloud-only. */
    Optional<String> onPremisesSid(String aadObjectId) {
        JsonNode user = send(GraphRequests.user(aadObjectId, "id", "userPrincipalName", "onPremisesSecurityIdentifier"));
        return user == null ? Optional.empty() : text(user, "onPremisesSecurityIdentifier");
    }

    /** The Entra object id of the user synchronised from this AD objectSid. */
    Optional<String> userIdBySid(String sid) {
        return first(send(GraphRequests.users("onPremisesSecurityIdentifier eq '" + quoted(sid) + "'", "id")));
    }

    /** True when the user is a transitive member of the group. */
    boolean isMemberOf(String userId, String groupId) {
        JsonNode body = JsonNodeFactory.instance.objectNode().set("groupIds",
                JsonNodeFactory.instance.arrayNode().add(groupId));
        JsonNode result = send(GraphRequests.checkMemberGroups(userId, body));
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

    /** The catalog id of the organisation's Teams app with this manifest id. */
    Optional<String> catalogAppId(String manifestId) {
        return first(send(GraphRequests.catalogApps("externalId eq '" + quoted(manifestId) + "'")));
    }

    /** The installation of the catalog app in the user's personal scope. */
    Optional<String> installation(String userId, String catalogAppId) {
        return first(send(GraphRequests.installedApps(userId, "teamsApp/id eq '" + quoted(catalogAppId) + "'")));
    }

    /** Installs the catalog app for the user; false when Graph knows no such user. 409: installed already. */
    boolean install(String userId, String catalogAppId) {
        JsonNode body = JsonNodeFactory.instance.objectNode().put("teamsApp@odata.bind",
                baseUrl() + "/appCatalogs/teamsApps/" + catalogAppId);
        return send(GraphRequests.install(userId, body)) != null;
    }

    /** The id of the chat between the user and the installed app. */
    Optional<String> installedAppChat(String userId, String installationId) {
        return Optional.ofNullable(send(GraphRequests.installedAppChat(userId, installationId)))
                .flatMap(c -> text(c, "id"));
    }

    /** Sends through the SDK; the answer's JSON (an empty object for an empty body), null on 404. */
    private JsonNode send(RequestInformation request) {
        try (InputStream body = adapter.sendPrimitive(request, null, InputStream.class)) {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            return bytes.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(bytes);
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return null;
            }
            Set<String> retryAfter = e.getResponseHeaders().get("Retry-After");
            String wait = retryAfter == null || retryAfter.isEmpty() ? "" : " (Retry-After " + retryAfter + ")";
            throw GraphException.of("Microsoft Graph answered HTTP " + e.getResponseStatusCode() + wait,
                    e.getResponseStatusCode());
        } catch (BotTokens.BotTokenException e) {
            throw GraphException.of("no token for Microsoft Graph: " + e.getMessage(), e.retryable() ? 0 : 401);
        } catch (IOException | UncheckedIOException e) {
            throw GraphException.of("Microsoft Graph unreachable: " + e.getMessage(), 0);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                // the SDK wraps network failures (refused, reset, timed out) like this
                throw GraphException.of("Microsoft Graph unreachable: " + io.getMessage(), 0);
            }
            throw e;
        }
    }

    private static Optional<String> first(JsonNode found) {
        return found == null ? Optional.empty() : text(found.path("value").path(0), "id");
    }

    /** A value inside an OData string literal: quotes are doubled. */
    private static String quoted(String value) {
        return value.replace("'", "''");
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }
}
