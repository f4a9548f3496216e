package dev.jitgroups.core.siem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificates made at test time by the JDK's keytool: a receiver certificate for 127.0.0.1 (self-signed, so its
 * PEM is the CA file a sink is given), a client certificate for mutual TLS, and a stranger's certificate that no sink
 * trusts. Made once per JVM.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";
    private static TestCertificates instance;

    final Path receiverKeys;
    final Path receiverCa;
    final Path clientKeys;
    final Path clientCa;
    final Path strangerKeys;

    private TestCertificates(Path dir) throws IOException, InterruptedException {
        receiverKeys = keyPair(dir, "receiver", "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost");
        receiverCa = exportPem(dir, "receiver", receiverKeys);
        clientKeys = keyPair(dir, "client", "CN=jit-groups", null);
        clientCa = exportPem(dir, "client", clientKeys);
        strangerKeys = keyPair(dir, "stranger", "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost");
    }

    static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                instance = new TestCertificates(Files.createTempDirectory("siem-certs"));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot make test certificates with keytool", e);
            }
        }
        return instance;
    }

    /** A server context presenting {@code keys}, requiring clients to present a certificate from {@code clientCa}. */
    static SSLContext serverContext(Path keys, Path clientCa) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keys)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), clientCa == null ? null : TlsContexts.trustManagers(clientCa), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a test TLS context", e);
        }
    }

    private static Path keyPair(Path dir, String alias, String dname, String san) throws IOException, InterruptedException {
        Path file = dir.resolve(alias + ".p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", dname, "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null) {
            args.addAll(List.of("-ext", san));
        }
        keytool(args);
        return file;
    }

    private static Path exportPem(Path dir, String alias, Path keys) throws IOException, InterruptedException {
        Path file = dir.resolve(alias + ".pem");
        keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-file", file.toString()));
        return file;
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args.get(0) + " failed: " + output);
        }
    }
}
