package dev.jitgroups.bot.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app registration's certificate: the private key and its certificate chain, from a PEM file (an unencrypted
 * PKCS#8 key and certificates, as {@code openssl} writes them) or a PKCS#12 file ({@code .pfx}/{@code .p12}, with its
 * password). The bot's own credential and Microsoft Graph's read their files here, so both accept the same files and
 * explain a bad one the same way.
 */
record ClientCertificate(PrivateKey key, List<X509Certificate> chain) {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    /**
     * Reads the file, or fails with a message that names the configuration key pointing at it.
     *
     * @param settingKey e.g. {@code jit.bot.certificate-file}
     */
    static ClientCertificate load(String settingKey, Path file, String password) {
        try {
            return read(file, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(settingKey + ": " + file + " could not be read as a PKCS#12 (.pfx/.p12, "
                    + "with its password) or PEM (.pem: PKCS#8 private key and certificate) file: " + e.getMessage(), e);
        }
    }

    static ClientCertificate read(Path file, String password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pem") || name.endsWith(".crt") ? pem(file) : pkcs12(file, password);
    }

    private static ClientCertificate pkcs12(Path file, String password) throws IOException, GeneralSecurityException {
        char[] secret = (password == null ? "" : password).toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, secret);
        }
        for (String alias : Collections.list(store.aliases())) {
            Key key = store.isKeyEntry(alias) ? store.getKey(alias, secret) : null;
            if (key instanceof PrivateKey privateKey && store.getCertificateChain(alias) != null) {
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : store.getCertificateChain(alias)) {
                    chain.add((X509Certificate) c);
                }
                return new ClientCertificate(privateKey, List.copyOf(chain));
            }
        }
        throw new GeneralSecurityException("the file holds no private key with a certificate");
    }

    private static ClientCertificate pem(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> key = privateKey(der);
                case "CERTIFICATE" -> chain.add((X509Certificate) certificates.generateCertificate(
                        new ByteArrayInputStream(der)));
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(
                        "the key is " + m.group(1) + "; convert it to an unencrypted PKCS#8 key with "
                        + "'openssl pkcs8 -topk8 -nocrypt', or use a .pfx file");
                default -> {
                    // other blocks (parameters, trusted certificates) are not needed
                }
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new GeneralSecurityException("expected a PRIVATE KEY block and at least one CERTIFICATE block");
        }
        return new ClientCertificate(key, List.copyOf(chain));
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }

    /** Names the certificate; the key stays out of logs and messages. */
    @Override
    public String toString() {
        return "ClientCertificate[subject=" + chain.get(0).getSubjectX500Principal().getName() + ", key="
                + key.getAlgorithm() + " (hidden)]";
    }
}
