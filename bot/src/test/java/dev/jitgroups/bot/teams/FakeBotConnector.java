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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Bot Connector service (and the Bot Framework's OpenID metadata): records what the bot
 * posts and updates and the 1:1 conversations it creates, answers member look-ups from a roster and team rosters page
 * by page, serves the test signing key. One per JVM, on loopback.
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
    private final List<Created> created = new CopyOnWriteArrayList<>();
    private final Map<String, List<ObjectNode>> teams = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusedChats = new ConcurrentHashMap<>();
    private final List<String> rosterAuthorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingCreates = new AtomicInteger();
    private volatile int failingCreateStatus = 503;
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    /**
     * A conversation the bot created ({@code POST /v3/conversations}).
     *
     * @param parameters the ConversationParameters the bot sent
     * @param conversationId the id answered
     */
    record Created(JsonNode parameters, String authorization, String conversationId) {

        String memberId() {
            return parameters.path("members").path(0).path("id").asText();
        }
    }

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

    /** Every request this connector received (method, path and query), including look-ups. */
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

    /** Makes the person a member of a team: listed by {@code GET /v3/conversations/{teamId}/pagedmembers}. */
    void addTeamMember(String teamId, TeamsPerson p) {
        teams.computeIfAbsent(teamId, t -> new CopyOnWriteArrayList<>()).add(MAPPER.createObjectNode()
                .put("id", p.userId()).put("aadObjectId", p.aadObjectId()).put("userPrincipalName", p.upn())
                .put("name", p.name()).put("givenName", p.name().split(" ")[0]).put("email", p.upn())
                .put("tenantId", TeamsActivities.TENANT).put("userRole", "user"));
    }

    /** Creating a 1:1 chat with this member id is refused (403: the app is not installed for them, say). */
    void refuseChatsWith(String memberId, int status) {
        refusedChats.put(memberId, status);
    }

    void allowChatsWith(String memberId) {
        refusedChats.remove(memberId);
    }

    /** The reader deleted this message in Teams: replacing it answers 404 from now on. */
    void delete(String activityId) {
        deleted.add(activityId);
    }

    /** The next {@code count} conversation creations fail with the HTTP status (an outage, throttling). */
    void failNextCreates(int count, int status) {
        failingCreateStatus = status;
        failingCreates.set(count);
    }

    /** The Authorization header of every roster page the bot read. */
    List<String> rosterAuthorizations() {
        return new ArrayList<>(rosterAuthorizations);
    }

    /** Every conversation the bot created, oldest first. */
    List<Created> created() {
        return new ArrayList<>(created);
    }

    List<Sent> sentTo(String conversationId) {
        return sent.stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    void clear() {
        sent.clear();
        requests.clear();
        created.clear();
        rosterAuthorizations.clear();
        deleted.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String query = ex.getRequestURI().getRawQuery();
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
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
        if (path.equals("/v3/conversations") && method.equals("POST")) {
            createConversation(ex, MAPPER.readTree(body));
            return;
        }
        String[] parts = path.split("/");
        // /v3/conversations/{id}/activities[/{activityId}] or /v3/conversations/{id}/members/{userId}
        if (parts.length >= 5 && parts[1].equals("v3") && parts[2].equals("conversations")) {
            if (parts[4].equals("pagedmembers") && method.equals("GET")) {
                pagedMembers(ex, URLDecoder.decode(parts[3], StandardCharsets.UTF_8));
                return;
            }
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
                    if (deleted.contains(id)) {
                        respond(ex, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"Message not found\"}}");
                        return;
                    }
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

    /** Like Teams: one 1:1 chat per member (asking again answers the same id), 201 Created. */
    private void createConversation(HttpExchange ex, JsonNode parameters) throws IOException {
        String member = parameters.path("members").path(0).path("id").asText();
        Integer refused = refusedChats.get(member);
        if (failingCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(ex, failingCreateStatus, "{\"error\":{\"code\":\"ServiceError\"}}");
            return;
        }
        if (refused != null || parameters.path("members").size() != 1 || parameters.path("tenantId").asText().isEmpty()) {
            respond(ex, refused == null ? 400 : refused, "{\"error\":{\"code\":\"Forbidden\",\"message\":"
                    + "\"The bot is not installed for the user\"}}");
            return;
        }
        String id = "a:1on1-" + member;
        created.add(new Created(parameters, ex.getRequestHeaders().getFirst("Authorization"), id));
        respond(ex, 201, MAPPER.createObjectNode().put("id", id).toString());
    }

    /** A team's roster, at most two members a page (a server may answer fewer than asked), with continuation tokens. */
    private void pagedMembers(HttpExchange ex, String teamId) throws IOException {
        rosterAuthorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        List<ObjectNode> roster = teams.get(teamId);
        if (roster == null) {
            respond(ex, 404, "{\"error\":{\"code\":\"ConversationNotFound\"}}");
            return;
        }
        Map<String, String> query = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();  // pageSize and continuationToken
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        int from = Integer.parseInt(query.getOrDefault("continuationToken", "page-0").substring("page-".length()));
        int size = Math.min(2, Integer.parseInt(query.getOrDefault("pageSize", "200")));
        ObjectNode page = MAPPER.createObjectNode();
        roster.subList(from, Math.min(roster.size(), from + size)).forEach(page.withArray("members")::add);
        if (from + size < roster.size()) {
            page.put("continuationToken", "page-" + (from + size));
        }
        respond(ex, 200, page.toString());
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
