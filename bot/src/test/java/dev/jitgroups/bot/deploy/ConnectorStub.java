package dev.jitgroups.bot.deploy;

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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Bot Connector as far as several instances in local mode need it: a Teams member's UPN for a user id
 * {@code 29:<sam>} is {@code <sam>@corp.example}; every post and update is accepted and its text kept.
 */
final class ConnectorStub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> texts = new CopyOnWriteArrayList<>();

    private ConnectorStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static ConnectorStub start() throws IOException {
        return new ConnectorStub();
    }

    /** The activities' serviceUrl. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** What the bot wrote, in order (plain text; cards as their JSON). */
    List<String> texts() {
        return new ArrayList<>(texts);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] path = ex.getRequestURI().getRawPath().split("/");
        // /v3/conversations/{conversation}/members/{userId}
        if (path.length == 6 && path[4].equals("members") && ex.getRequestMethod().equals("GET")) {
            String user = URLDecoder.decode(path[5], StandardCharsets.UTF_8);
            String sam = user.substring(user.indexOf(':') + 1);
            respond(ex, 200, "{\"id\":\"" + user + "\",\"name\":\"" + sam + "\",\"userPrincipalName\":\"" + sam
                    + "@corp.example\"}");
            return;
        }
        if (path.length >= 5 && path[4].equals("activities")) {
            texts.add(body);
            respond(ex, 200, "{\"id\":\"activity-" + texts.size() + "\"}");
            return;
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

    @Override
    public void close() {
        server.stop(0);
    }
}
