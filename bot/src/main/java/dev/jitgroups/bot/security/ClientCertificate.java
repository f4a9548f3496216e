package dev.jitgroups.bot.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A private key (PKCS#8) and its certificate chain from one PEM file, as {@code openssl} writes them. */
record PemCertificate(PrivateKey key, List<X509Certificate> chain) {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    static PemCertificate read(Path file) throws IOException, GeneralSecurityException {
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
        return new PemCertificate(key, List.copyOf(chain));
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }
}
