package dev.jitgroups.bot.identity;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A local HTTP server answering like Microsoft Graph v1.0 for the routes a test gives it (method and path; the OData
 * query is parsed and recorded), with failures scripted per route: a status and, if wanted, a Retry-After. Records
 * every request with the moment it arrived ({@link System#nanoTime()}), so retries can be checked against Retry-After.
 */
final class LocalGraph implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String method, String path, Map<String, String> query, String authorization, long arrivedNanos) {

        String target() {
            return method + " " + path;
        }
    }

    private record Failure(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalGraph() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** Answers {@code "GET /v1.0/users/x"} with this JSON (200). */
    LocalGraph route(String target, String json) {
        return route(target, "", json);
    }

    /**
     * Answers a query of a collection with this JSON; other {@code $filter}s of it find nothing ({@code value} empty),
     * as Graph answers.
     */
    LocalGraph route(String target, String filter, String json) {
        routes.put(target + "|" + filter, json);
        return this;
    }

    /** The next {@code times} requests to the route fail with the status (and Retry-After, when not null). */
    LocalGraph failNext(String target, int times, int status, String retryAfter) {
        Deque<Failure> queue = failures.computeIfAbsent(target, t -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Failure(status, retryAfter));
        }
        return this;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Request> requestsTo(String target) {
        return requests.stream().filter(r -> r.target().equals(target)).toList();
    }

    /** A credential that always gives the same token, as a test stand-in for the app registration's. */
    static TokenCredential staticToken(String token) {
        return request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        requests.add(new Request(ex.getRequestMethod(), path, query, ex.getRequestHeaders().getFirst("Authorization"),
                System.nanoTime()));
        String target = ex.getRequestMethod() + " " + path;
        Failure failure = failures.getOrDefault(target, new ConcurrentLinkedDeque<>()).poll();
        if (failure != null) {
            if (failure.retryAfter() != null) {
                ex.getResponseHeaders().add("Retry-After", failure.retryAfter());
            }
            respond(ex, failure.status(), "{\"error\":{\"code\":\"" + (failure.status() == 429 ? "TooManyRequests"
                    : "ServiceUnavailable") + "\",\"message\":\"scripted failure\"}}");
            return;
        }
        String filter = query.get("$filter");
        String body = routes.get(target + "|" + (filter == null ? "" : filter));
        if (body == null && filter != null) {
            body = "{\"value\":[]}";
        }
        respond(ex, body == null ? 404 : 200, body == null ? "{\"error\":{\"code\":\"Request_ResourceNotFound\"}}" : body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
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
