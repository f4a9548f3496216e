package dev.jitgroups.core.siem;

import java.util.List;

/**
 * {@code jit.siem} exactly as written in configuration, before validation. Every field may be missing;
 * {@link SiemValidation} turns it into {@link SiemSettings} or names each offending key.
 */
public record SiemSource(String pollInterval, String warnAfter, String hostname, List<SinkSource> sinks) {

    /** One entry of {@code jit.siem.sinks}. */
    public record SinkSource(String name, String type, String host, Integer port, String url, String caFile,
            String tlsServerName, String clientCertificateFile, String clientCertificatePassword, String hmacSecret,
            String hmacSecretFile, Integer batchSize, String startFrom, Boolean allowPlain, String timeout) {

        /** Keys of a sink, for the message about a misspelt one. */
        public static final String KNOWN_KEYS = "name, type, host, port, url, ca-file, tls-server-name, "
                + "client-certificate-file, client-certificate-password, hmac-secret, hmac-secret-file, batch-size, "
                + "start-from, allow-plain, timeout";

        @Override
        public String toString() {
            return "SinkSource[name=" + name + ", type=" + type + "]";
        }
    }
}
