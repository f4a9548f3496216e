package dev.jitgroups.core.siem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts of sinks: the receiver is always verified, against the configured CA file or else the JVM's trusted
 * CAs; a client certificate is presented when one is configured (mutual TLS).
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SSLContext create(SinkSettings sink) throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers(sink.clientCertificateFile(), sink.clientCertificatePassword()),
                trustManagers(sink.caFile()), null);
        return context;
    }

    /** Trust in the certificates of a PEM or DER file; null (the JVM's trusted CAs) when no file is given. */
    static TrustManager[] trustManagers(Path caFile) throws GeneralSecurityException, IOException {
        if (caFile == null) {
            return null;
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("the file holds no certificate");
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        int i = 0;
        for (Certificate c : certificates) {
            trusted.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    /** The key and certificate of a PKCS#12 file; null (no client certificate) when no file is given. */
    static KeyManager[] keyManagers(Path file, Secret password) throws GeneralSecurityException, IOException {
        if (file == null) {
            return null;
        }
        char[] pass = password == null ? new char[0] : password.reveal().toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, pass);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, pass);
        return factory.getKeyManagers();
    }
}
