package dev.jitgroups.core.siem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks one entry of {@code jit.siem.sinks}; every problem names its key and says what would be valid. */
final class SinkCheck {

    static final SiemSource.SinkSource EMPTY = new SiemSource.SinkSource(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int TLS_SYSLOG_PORT = 6514;
    private static final int MIN_SECRET_LENGTH = 32;

    private final String key;
    private final SiemSource.SinkSource s;
    private final List<String> problems;
    private final int problemsBefore;

    SinkCheck(String key, SiemSource.SinkSource source, List<String> problems) {
        this.key = key;
        this.s = source;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    Optional<SinkSettings> run() {
        String name = name();
        Optional<SinkType> type = type();
        boolean allowPlain = Boolean.TRUE.equals(s.allowPlain());
        int batch = s.batchSize() == null ? 100 : s.batchSize();
        if (batch < 1 || batch > 1000) {
            problems.add(key + ".batch-size: must be between 1 and 1000, was " + batch);
        }
        StartFrom start = startFrom();
        Duration timeout = SiemValidation.duration(key + ".timeout", s.timeout(), Duration.ofSeconds(10), problems);
        Path ca = readableFile("ca-file", s.caFile());
        Path clientCert = readableFile("client-certificate-file", s.clientCertificateFile());
        Secret certPassword = s.clientCertificatePassword() == null ? null : new Secret(s.clientCertificatePassword());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Target target = type.get().syslog() ? syslogTarget(type.get(), allowPlain) : webhookTarget(allowPlain);
        Secret hmac = type.get() == SinkType.WEBHOOK ? hmacSecret() : noHmacSecret();
        checkTls(type.get(), ca, clientCert, certPassword);
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new SinkSettings(name, type.get(), target.host(), target.port(), target.url(), ca,
                blankToNull(s.tlsServerName()), clientCert, certPassword, hmac, batch, start, allowPlain, timeout));
    }

    private record Target(String host, int port, URI url) {
    }

    private String name() {
        String name = s.name() == null ? "" : s.name().strip();
        if (!NAME.matcher(name).matches()) {
            problems.add(key + ".name: " + (name.isEmpty() ? "required" : "'" + name + "' is not allowed")
                    + "; lower-case letters, digits and '-', at most 63 (it names the sink's cursor and job)");
        }
        return name;
    }

    private Optional<SinkType> type() {
        Optional<SinkType> type = SinkType.parse(s.type());
        if (type.isEmpty()) {
            problems.add(key + ".type: " + (s.type() == null ? "required" : "'" + s.type() + "' is not a sink type")
                    + "; one of " + SinkType.known());
        }
        return type;
    }

    private StartFrom startFrom() {
        String text = s.startFrom() == null ? "beginning" : s.startFrom().strip().toLowerCase(Locale.ROOT);
        switch (text) {
            case "beginning":
                return StartFrom.BEGINNING;
            case "now":
                return StartFrom.NOW;
            default:
                problems.add(key + ".start-from: '" + s.startFrom() + "' is not one of beginning, now");
                return StartFrom.BEGINNING;
        }
    }

    private Target syslogTarget(SinkType type, boolean allowPlain) {
        if (s.host() == null || s.host().isBlank()) {
            problems.add(key + ".host: required for a " + type.key() + " sink (the syslog receiver's host name)");
        }
        Integer port = s.port() == null && type == SinkType.SYSLOG_TLS ? Integer.valueOf(TLS_SYSLOG_PORT) : s.port();
        if (port == null || port < 1 || port > 65535) {
            problems.add(key + ".port: " + (port == null ? "required for a syslog-tcp sink" : "must be between 1 and "
                    + "65535, was " + port));
        }
        if (s.url() != null) {
            problems.add(key + ".url: applies to webhook sinks only; a syslog sink takes host and port");
        }
        if (type == SinkType.SYSLOG_TCP && !allowPlain) {
            problems.add(key + ".type: syslog-tcp sends audit events unencrypted; use syslog-tls, or allow it explicitly "
                    + "with " + key + ".allow-plain=true");
        }
        return new Target(s.host() == null ? null : s.host().strip(), port == null ? 0 : port, null);
    }

    private Target webhookTarget(boolean allowPlain) {
        if (s.host() != null || s.port() != null) {
            problems.add(key + ": host and port apply to syslog sinks only; a webhook sink takes url");
        }
        if (s.url() == null || s.url().isBlank()) {
            problems.add(key + ".url: required for a webhook sink (https://...)");
            return new Target(null, 0, null);
        }
        URI url;
        try {
            url = new URI(s.url().strip());
        } catch (URISyntaxException e) {
            problems.add(key + ".url: '" + s.url() + "' is not a URL (" + e.getReason() + ")");
            return new Target(null, 0, null);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add(key + ".url: must be an absolute https:// URL with a host");
        } else if (scheme.equals("http") && !allowPlain) {
            problems.add(key + ".url: http:// sends audit events unencrypted; use https://, or allow it explicitly with "
                    + key + ".allow-plain=true");
        }
        if (url.getRawUserInfo() != null) {
            problems.add(key + ".url: must not carry credentials (user:password@); the receiver authenticates the "
                    + "signature made with " + key + ".hmac-secret");
        }
        return new Target(null, 0, url);
    }

    private Secret hmacSecret() {
        String secret = s.hmacSecret();
        if (s.hmacSecret() != null && s.hmacSecretFile() != null) {
            problems.add(key + ".hmac-secret and " + key + ".hmac-secret-file: set one of them, not both");
        }
        if (secret == null && s.hmacSecretFile() != null) {
            Path file = readableFile("hmac-secret-file", s.hmacSecretFile());
            secret = file == null ? null : read(file);
        }
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            problems.add(key + ".hmac-secret: " + (secret == null ? "required for a webhook sink" : "too short")
                    + "; at least " + MIN_SECRET_LENGTH + " characters, from the environment (hmac-secret: "
                    + "${SIEM_HMAC_SECRET}) or a file (hmac-secret-file)");
            return null;
        }
        return new Secret(secret.strip());
    }

    private Secret noHmacSecret() {
        if (s.hmacSecret() != null || s.hmacSecretFile() != null) {
            problems.add(key + ".hmac-secret: applies to webhook sinks only");
        }
        return null;
    }

    private void checkTls(SinkType type, Path ca, Path clientCert, Secret certPassword) {
        if (type == SinkType.SYSLOG_TCP && (ca != null || clientCert != null || s.tlsServerName() != null)) {
            problems.add(key + ": ca-file, client-certificate-file and tls-server-name apply to TLS only; this sink is "
                    + "syslog-tcp");
            return;
        }
        try {
            TlsContexts.trustManagers(ca);
        } catch (GeneralSecurityException | IOException e) {
            problems.add(key + ".ca-file: cannot read certificates from " + ca + " (" + e.getMessage() + ")");
        }
        try {
            TlsContexts.keyManagers(clientCert, certPassword);
        } catch (GeneralSecurityException | IOException e) {
            problems.add(key + ".client-certificate-file: cannot read the PKCS#12 key and certificate from " + clientCert
                    + " with client-certificate-password (" + e.getMessage() + ")");
        }
    }

    private Path readableFile(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path file = Path.of(value.strip());
        if (!Files.isReadable(file)) {
            problems.add(key + "." + name + ": the file " + file + " does not exist or is not readable");
            return null;
        }
        return file;
    }

    private String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            problems.add(key + ".hmac-secret-file: cannot read " + file + " (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
