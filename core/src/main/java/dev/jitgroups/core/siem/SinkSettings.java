package dev.jitgroups.core.siem;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One validated sink ({@code jit.siem.sinks[i]}).
 *
 * @param name the sink's key: names its cursor, its job and its log lines
 * @param type how it receives events
 * @param host syslog receiver's host (syslog types)
 * @param port syslog receiver's port (syslog types)
 * @param url where webhooks are posted (webhook)
 * @param caFile PEM (or DER) CA certificate(s) that issued the receiver's certificate; null: the JVM's trusted CAs
 * @param tlsServerName the name the receiver's certificate must carry when {@code host}/{@code url} use another one
 * @param clientCertificateFile PKCS#12 key and certificate that this side presents (mutual TLS), or null
 * @param clientCertificatePassword its password, or null
 * @param hmacSecret key of the webhook signature (webhook)
 * @param batchSize most events per syslog connection or webhook request
 * @param startFrom where a sink without a cursor starts
 * @param allowPlain allow a receiver without TLS
 * @param timeout time allowed to connect and for each write or request
 */
public record SinkSettings(String name, SinkType type, String host, int port, URI url, Path caFile, String tlsServerName,
        Path clientCertificateFile, Secret clientCertificatePassword, Secret hmacSecret, int batchSize, StartFrom startFrom,
        boolean allowPlain, Duration timeout) {

    /** Where it sends to, fit for logs: a webhook URL without its query, which may carry an access key. */
    public String target() {
        if (type.syslog()) {
            return host + ":" + port;
        }
        return url.getScheme() + "://" + url.getAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return "SinkSettings[name=" + name + ", type=" + type.key() + ", target=" + target() + ", caFile=" + caFile
                + ", tlsServerName=" + tlsServerName + ", clientCertificateFile=" + clientCertificateFile
                + ", clientCertificatePassword=" + clientCertificatePassword + ", hmacSecret=" + hmacSecret
                + ", batchSize=" + batchSize + ", startFrom=" + startFrom + ", allowPlain=" + allowPlain
                + ", timeout=" + timeout + "]";
    }
}
