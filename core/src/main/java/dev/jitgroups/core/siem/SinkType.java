package dev.jitgroups.core.siem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a sink receives events. */
public enum SinkType {

    /** Syslog over TLS (RFC 5425 framing, RFC 5424 messages) carrying CEF. */
    SYSLOG_TLS("syslog-tls"),
    /** The same over plain TCP (RFC 6587 octet counting); only with {@code allow-plain: true}. */
    SYSLOG_TCP("syslog-tcp"),
    /** HTTPS POST of OCSF JSON, signed with an HMAC. */
    WEBHOOK("webhook");

    private final String key;

    SinkType(String key) {
        this.key = key;
    }

    /** The name used in configuration. */
    public String key() {
        return key;
    }

    public boolean syslog() {
        return this != WEBHOOK;
    }

    public static Optional<SinkType> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.key.equals(t)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(SinkType::key).collect(Collectors.joining(", "));
    }
}
