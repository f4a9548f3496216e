package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Microsoft Graph as the bot uses it: users by id and by on-premises SID, transitive group
 * membership ({@code checkMemberGroups}), the organisation's Teams app catalog, and each user's installed apps and the
 * chat of an installed app. Installing is stateful (a second install of the same app is a 409, like Graph). OData
 * query options are matched by name, in any order. Records every request. (Tokens come from the token authority
 * stand-in, as from Entra ID.)
 */
final class FakeGraph {

    static final String CATALOG_APP_ID = "0e5c7a11-7b1f-4f2a-9d3e-5a6b7c8d9e0f";
    private static final Pattern USER = Pattern.compile("/v1\\.0/users/([^/]+)");
    private static final Pattern BY_SID = Pattern.compile("onPremisesSecurityIdentifier eq '([^']+)'");
    private static final Pattern CATALOG = Pattern.compile("externalId eq '([^']+)'");
    private static final Pattern INSTALLED = Pattern.compile("teamsApp/id eq '([^']+)'");
    private static final Pattern INSTALL = Pattern.compile("/v1\\.0/users/([^/]+)/teamwork/installedApps");
    private static final Pattern CHAT = Pattern.compile("/v1\\.0/users/([^/]+)/teamwork/installedApps/([^/]+)/chat");
    private static final Pattern MEMBER_CHECK = Pattern.compile("/v1\\.0/users/([^/]+)/checkMemberGroups");

    /**
     * One request the bot made.
     *
     * @param target method, decoded path and query
     */
    record Request(String target, JsonNode body, String authorization) {
    }

    private final HttpServer server;
    private final String manifestAppId;
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, String> installations = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingInstalls = new AtomicInteger();
    private volatile int failingInstallStatus = 503;
    private final Map<String, List<String>> entraGroups = new ConcurrentHashMap<>();
    private volatile int memberChecksFailWith;

    FakeGraph(String manifestAppId) {
        this.manifestAppId = manifestAppId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** The Entra user is a (transitive) member of these Entra groups. */
    void addToEntraGroups(TeamsPerson p, String... groupIds) {
        entraGroups.put(p.aadObjectId(), List.of(groupIds));
    }

    /** Every membership check fails with this status (503: Graph down) until {@link #answerMemberChecks()}. */
    void failMemberChecks(int status) {
        memberChecksFailWith = status;
    }

    void answerMemberChecks() {
        memberChecksFailWith = 0;
    }

    /** The membership checks the bot asked for, failed ones too. */
    List<Request> memberChecks() {
        return requests.stream().filter(r -> MEMBER_CHECK.matcher(r.target().substring(r.target().indexOf(' ') + 1))
                .matches()).toList();
    }

    /** An Entra user synchronised from an AD account with this objectSid. */
    void addUser(TeamsPerson p, String objectSid) {
        users.put(p.aadObjectId(), FakeBotConnector.MAPPER.createObjectNode().put("id", p.aadObjectId())
                .put("userPrincipalName", p.upn()).put("displayName", p.name())
                .put("onPremisesSecurityIdentifier", objectSid));
    }

    /** The next {@code count} installs fail with the HTTP status (403: permission missing; 503: Graph down). */
    void failNextInstalls(int count, int status) {
        failingInstallStatus = status;
        failingInstalls.set(count);
    }

    void reset() {
        installations.clear();
        requests.clear();
        failingInstalls.set(0);
        memberChecksFailWith = 0;
    }

    /** The installs the bot asked for ({@code POST /users/{id}/teamwork/installedApps}), failed ones too. */
    List<Request> installs() {
        return requests.stream().filter(r -> r.target().startsWith("POST ") && r.target().endsWith("/installedApps"))
                .toList();
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    static String chatIdOf(String aadObjectId) {
        return "19:" + aadObjectId + "_bot@unq.gbl.spaces";
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String query = ex.getRequestURI().getRawQuery();
        String path = ex.getRequestURI().getPath();
        String target = URLDecoder.decode(ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                StandardCharsets.UTF_8);
        boolean json = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
        JsonNode body = raw.length == 0 || !json ? null : FakeBotConnector.MAPPER.readTree(raw);
        requests.add(new Request(ex.getRequestMethod() + " " + target, body,
                ex.getRequestHeaders().getFirst("Authorization")));
        Map<String, String> options = options(query);
        if (ex.getRequestMethod().equals("POST")) {
            post(ex, path, body);
        } else {
            get(ex, path, options.getOrDefault("$filter", ""));
        }
    }

    private void post(HttpExchange ex, String path, JsonNode body) throws IOException {
        Matcher check = MEMBER_CHECK.matcher(path);
        if (check.matches()) {
            checkMemberGroups(ex, check.group(1), body);
            return;
        }
        Matcher install = INSTALL.matcher(path);
        if (!install.matches() || !users.containsKey(install.group(1))) {
            respond(ex, 404, error("Request_ResourceNotFound"));
        } else if (failingInstalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(ex, failingInstallStatus, error(failingInstallStatus == 403 ? "Forbidden" : "ServiceUnavailable"));
        } else if (!(baseUrl() + "/appCatalogs/teamsApps/" + CATALOG_APP_ID).equals(body.path("teamsApp@odata.bind")
                .asText())) {
            respond(ex, 400, error("BadRequest"));
        } else if (installations.putIfAbsent(install.group(1), "installation-" + install.group(1)) != null) {
            respond(ex, 409, error("Conflict"));
        } else {
            respond(ex, 201, "");
        }
    }

    private void checkMemberGroups(HttpExchange ex, String userId, JsonNode body) throws IOException {
        int failure = memberChecksFailWith;
        if (failure != 0) {
            respond(ex, failure, error(failure == 403 ? "Authorization_RequestDenied" : "ServiceUnavailable"));
        } else if (!users.containsKey(userId)) {
            respond(ex, 404, error("Request_ResourceNotFound"));
        } else {
            ObjectNode found = FakeBotConnector.MAPPER.createObjectNode();
            ArrayNode value = found.putArray("value");
            List<String> mine = entraGroups.getOrDefault(userId, List.of());
            body.path("groupIds").forEach(id -> {
                if (mine.contains(id.asText())) {
                    value.add(id.asText());
                }
            });
            respond(ex, 200, found.toString());
        }
    }

    private void get(HttpExchange ex, String path, String filter) throws IOException {
        Matcher m;
        if (path.equals("/v1.0/users") && (m = BY_SID.matcher(filter)).matches()) {
            String sid = m.group(1);
            ObjectNode found = FakeBotConnector.MAPPER.createObjectNode();
            found.putArray("value").addAll(users.values().stream()
                    .filter(u -> u.path("onPremisesSecurityIdentifier").asText().equals(sid))
                    .map(u -> FakeBotConnector.MAPPER.createObjectNode().put("id", u.path("id").asText())).toList());
            respond(ex, 200, found.toString());
        } else if (path.equals("/v1.0/appCatalogs/teamsApps") && (m = CATALOG.matcher(filter)).matches()) {
            respond(ex, 200, m.group(1).equals(manifestAppId) ? "{\"value\":[{\"id\":\"" + CATALOG_APP_ID
                    + "\",\"externalId\":\"" + manifestAppId + "\",\"displayName\":\"JIT Groups\","
                    + "\"distributionMethod\":\"organization\"}]}" : "{\"value\":[]}");
        } else if ((m = INSTALL.matcher(path)).matches() && INSTALLED.matcher(filter).matches()) {
            String installation = filter.contains(CATALOG_APP_ID) ? installations.get(m.group(1)) : null;
            respond(ex, 200, installation == null ? "{\"value\":[]}" : "{\"value\":[{\"id\":\"" + installation
                    + "\",\"teamsApp\":{\"id\":\"" + CATALOG_APP_ID + "\",\"externalId\":\"" + manifestAppId + "\"}}]}");
        } else if ((m = CHAT.matcher(path)).matches()) {
            boolean installed = m.group(2).equals(installations.get(m.group(1)));
            respond(ex, installed ? 200 : 404, installed ? "{\"id\":\"" + chatIdOf(m.group(1)) + "\",\"chatType\":"
                    + "\"oneOnOne\"}" : error("NotFound"));
        } else if ((m = USER.matcher(path)).matches() && users.containsKey(m.group(1))) {
            respond(ex, 200, users.get(m.group(1)).toString());
        } else {
            respond(ex, 404, error("Request_ResourceNotFound"));
        }
    }

    /** OData query options by name ({@code $filter}, {@code $select}, ...), decoded. */
    private static Map<String, String> options(String rawQuery) {
        Map<String, String> options = new ConcurrentHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    options.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return options;
    }

    private static String error(String code) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + code + "\"}}";
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } else {
            ex.getResponseBody().close();
        }
    }
}
