package dev.jitgroups.core.siem;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * A SIEM's webhook endpoint on 127.0.0.1 ({@code HttpsServer}): it checks each request's signature the way
 * docs/siem.md tells receivers to (its own HMAC code, not ours), answers 204 to a valid one and 401 otherwise, and can
 * be stopped and started again on the same port.
 */
final class HttpsWebhookReceiver {

    /** One request as received. */
    record Delivery(String timestamp, String signature, String deliveryId, String body, boolean signatureValid) {
    }

    private final SSLContext tls;
    private final String secret;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile HttpsServer server;
    private volatile int port;

    HttpsWebhookReceiver(SSLContext tls, String secret) {
        this.tls = tls;
        this.secret = secret;
    }

    HttpsWebhookReceiver start(int wantedPort) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        s.createContext("/siem/events", this::handle);
        s.start();
        server = s;
        port = s.getAddress().getPort();
        return this;
    }

    int port() {
        return port;
    }

    String url() {
        return "https://127.0.0.1:" + port + "/siem/events?code=access-key-in-the-query";
    }

    void stop() {
        server.stop(0);
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String timestamp = ex.getRequestHeaders().getFirst("X-JitGroups-Timestamp");
        String signature = ex.getRequestHeaders().getFirst("X-JitGroups-Signature");
        boolean valid = verify(timestamp, signature, body);
        deliveries.add(new Delivery(timestamp, signature, ex.getRequestHeaders().getFirst("X-JitGroups-Delivery"),
                new String(body, StandardCharsets.UTF_8), valid));
        ex.sendResponseHeaders(valid ? 204 : 401, -1);
        ex.close();
    }

    /** The recipe of docs/siem.md: HMAC-SHA256 over "timestamp.body", compared in constant time; fresh timestamps only. */
    private boolean verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring("sha256=".length())));
        } catch (Exception e) {
            return false;
        }
    }
}
