package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Bot Connector service (and the Bot Framework's OpenID metadata): records what the bot
 * posts and updates, answers member look-ups from a roster, serves the test signing key. One per JVM, on loopback.
 */
final class FakeBotConnector {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static FakeBotConnector instance;

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> roster = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String jwks = "{\"keys\":[]}";
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();

    /**
     * One request the bot made.
     *
     * @param update true for PUT (a card replaced), false for a new post
     * @param replyTo the inbound activity this answers (proactive posts answer a generated continuation id)
     */
    record Sent(String conversationId, String activityId, boolean update, JsonNode activity, String authorization,
            String replyTo) {

        String text() {
            return activity.path("text").asText("");
        }

        JsonNode card() {
            return activity.path("attachments").path(0).path("content");
        }

        boolean isCard() {
            return !card().isMissingNode();
        }
    }

    private FakeBotConnector(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Another connector (e.g. where a forged activity points), on a loopback address of its own choosing. */
    static FakeBotConnector another(String loopbackAddress) {
        try {
            return new FakeBotConnector(InetAddress.getByName(loopbackAddress));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        server.stop(0);
    }

    /** Every request this connector received (method and path), including look-ups. */
    List<String> requests() {
        return new ArrayList<>(requests);
    }

    static synchronized FakeBotConnector get() {
        if (instance == null) {
            try {
                instance = new FakeBotConnector(InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/";
    }

    String openIdMetadataUrl() {
        return url() + "openid";
    }

    /** Entra ID's OpenID metadata stand-in (other bots' tokens). */
    String entraOpenIdMetadataUrl() {
        return url() + "entra/openid";
    }

    void serveKeys(String jwksJson) {
        this.jwks = jwksJson;
    }

    void addMember(String userId, String aadObjectId, String upn, String name) {
        ObjectNode m = MAPPER.createObjectNode().put("id", userId).put("aadObjectId", aadObjectId)
                .put("userPrincipalName", upn).put("name", name).put("email", upn);
        roster.put(userId, m);
    }

    /** The next {@code count} posts into the conversation fail with the HTTP status (an outage, a refusal). */
    void failNextPosts(String conversationId, int count, int status) {
        failures.put(conversationId, new AtomicInteger(count));
        failureStatus.put(conversationId, status);
    }

    /** A roster entry as the Microsoft 365 Agents Playground serves it (its spelling: userPrincipleName). */
    void addPlaygroundMember(String userId, String aadObjectId, String upn, String name) {
        ObjectNode m = MAPPER.createObjectNode().put("id", userId).put("aadObjectId", aadObjectId)
                .put("userPrincipleName", upn).put("name", name);
        roster.put(userId, m);
    }

    List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    List<Sent> sentTo(String conversationId) {
        return sent.stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    void clear() {
        sent.clear();
        requests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        requests.add(method + " " + path);
        if (path.equals("/openid")) {
            respond(ex, 200, "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + url() + "keys\"}");
            return;
        }
        if (path.equals("/keys")) {
            respond(ex, 200, jwks);
            return;
        }
        if (path.equals("/entra/openid")) {
            respond(ex, 200, "{\"issuer\":\"https://login.microsoftonline.com/{tenantid}/v2.0\",\"jwks_uri\":\""
                    + url() + "entra/keys\"}");
            return;
        }
        if (path.equals("/entra/keys")) {
            respond(ex, 200, TestKeys.entraJwks());
            return;
        }
        String[] parts = path.split("/");
        // /v3/conversations/{id}/activities[/{activityId}] or /v3/conversations/{id}/members/{userId}
        if (parts.length >= 5 && parts[1].equals("v3") && parts[2].equals("conversations")) {
            // a reply in a channel thread (<channel>;messageid=...) is recorded as sent to the channel
            String conversation = URLDecoder.decode(parts[3], StandardCharsets.UTF_8).replaceFirst(";messageid=.*$", "");
            if (parts[4].equals("members") && parts.length == 6) {
                ObjectNode member = roster.get(URLDecoder.decode(parts[5], StandardCharsets.UTF_8));
                respond(ex, member == null ? 404 : 200, member == null ? "{}" : member.toString());
                return;
            }
            AtomicInteger failing = failures.get(conversation);
            if (parts[4].equals("activities") && failing != null && failing.getAndDecrement() > 0) {
                respond(ex, failureStatus.get(conversation), "{\"error\":{\"code\":\"ServiceError\"}}");
                return;
            }
            if (parts[4].equals("activities")) {
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                JsonNode activity = MAPPER.readTree(body);
                if (method.equals("PUT")) {
                    String id = URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
                    sent.add(new Sent(conversation, id, true, activity, auth, null));
                    respond(ex, 200, "{\"id\":\"" + id + "\"}");
                } else {
                    String id = "activity-" + ids.incrementAndGet();
                    String replyTo = parts.length > 5 ? URLDecoder.decode(parts[5], StandardCharsets.UTF_8) : null;
                    sent.add(new Sent(conversation, id, false, activity, auth, replyTo));
                    respond(ex, 200, "{\"id\":\"" + id + "\"}");
                }
                return;
            }
        }
        respond(ex, 404, "{}");
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
