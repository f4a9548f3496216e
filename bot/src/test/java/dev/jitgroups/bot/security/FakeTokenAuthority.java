package dev.jitgroups.bot.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local stand-in for Microsoft Entra ID's token endpoint ({@code POST /<tenant>/oauth2/v2.0/token}), over HTTPS as
 * MSAL demands, with a certificate made by keytool for 127.0.0.1. It records each token request and issues
 * numbered tokens. The JVM's default HTTPS socket factory (which MSAL uses) trusts it; nothing else in the tests
 * speaks HTTPS, so nothing else is affected. One per JVM.
 */
public final class FakeTokenAuthority {

    public static final String PASSWORD = "changeit";
    /** A loopback address of its own, so that it can listen on HTTPS's own port 443 (as root) like Entra ID. */
    static final String OWN_ADDRESS = "127.0.0.9";
    private static FakeTokenAuthority instance;

    private final HttpsServer server;
    private final Path keyStore;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();

    /**
     * One request for a token.
     *
     * @param path e.g. {@code /<tenant>/oauth2/v2.0/token}
     * @param form the form fields (client_id, scope, client_secret or client_assertion, grant_type)
     * @param token what was issued
     */
    public record TokenRequest(String path, Map<String, String> form, String token) {
    }

    private FakeTokenAuthority() throws Exception {
        keyStore = Files.createTempDirectory("authority").resolve("authority.p12");
        keytool("-genkeypair", "-alias", "authority", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,ip:" + OWN_ADDRESS, "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(ks);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
        HttpsURLConnection.setDefaultSSLSocketFactory(clientContext.getSocketFactory());
        server = listen();
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * On 443 where the process may bind it: MSAL caches tokens under the host name without the port, so on any other
     * port it finds nothing in its cache and asks again every time.
     */
    private static HttpsServer listen() throws IOException {
        try {
            return HttpsServer.create(new InetSocketAddress(InetAddress.getByName(OWN_ADDRESS), 443), 0);
        } catch (IOException notRootOrTaken) {
            return HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
    }

    public static synchronized FakeTokenAuthority get() {
        if (instance == null) {
            try {
                instance = new FakeTokenAuthority();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the token authority stand-in", e);
            }
        }
        return instance;
    }

    /** The authority host, like {@code https://login.microsoftonline.com/}. */
    public String url() {
        int port = server.getAddress().getPort();
        return "https://" + server.getAddress().getAddress().getHostAddress() + (port == 443 ? "" : ":" + port) + "/";
    }

    /** True when it listens on 443, where MSAL's token cache works as it does with Entra ID. */
    public boolean onDefaultPort() {
        return server.getAddress().getPort() == 443;
    }

    /** A PKCS#12 file with a key pair and certificate made by keytool (a client certificate for the bot). */
    public static Path newClientCertificate(Path dir) throws Exception {
        Path file = dir.resolve("bot.p12");
        keytool("-genkeypair", "-alias", "bot", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=jit-groups-bot", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
                PASSWORD, "-keypass", PASSWORD);
        return file;
    }

    public List<TokenRequest> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = ex.getRequestURI().getPath();
        if (!ex.getRequestMethod().equals("POST") || !path.endsWith("/oauth2/v2.0/token")) {
            respond(ex, 404, "{\"error\":\"not_found\",\"error_description\":\"" + path + "\"}");
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if ("wrong-secret".equals(form.get("client_secret"))) {
            respond(ex, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                    + "secret provided.\"}");
            return;
        }
        String token = "authority-token-" + issued.incrementAndGet();
        requests.add(new TokenRequest(path, form, token));
        String scope = form.getOrDefault("scope", "").replaceAll("(openid|profile|offline_access) ?", "").strip();
        respond(ex, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"scope\":\""
                + scope + "\",\"access_token\":\"" + token + "\"}");
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        String correlation = ex.getRequestHeaders().getFirst("client-request-id");
        if (correlation != null) {
            ex.getResponseHeaders().add("client-request-id", correlation);
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
