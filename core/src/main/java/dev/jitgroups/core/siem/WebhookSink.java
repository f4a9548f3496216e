package dev.jitgroups.core.siem;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;

/** OCSF JSON posted over HTTPS, signed; a 2xx answer acknowledges the whole batch. */
final class WebhookSink implements Sink {

    private final SinkSettings settings;
    private final HttpClient http;
    private final OcsfFormat format;
    private final Clock clock;

    WebhookSink(SinkSettings settings, SSLContext tls, OcsfFormat format, Clock clock) {
        this.settings = settings;
        // the JDK client verifies the server's certificate and host name unless told otherwise, which we never do
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        this.format = format;
        this.clock = clock;
    }

    @Override
    public void deliver(List<SiemEvent> events) throws IOException {
        byte[] body = format.array(events);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(settings.hmacSecret(), timestamp, body))
                .header(WebhookSignature.DELIVERY_HEADER, settings.name() + ":" + events.get(0).seq() + "-"
                        + events.get(events.size() - 1).seq())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while posting to " + settings.target(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(settings.target() + " answered HTTP " + response.statusCode());
        }
    }
}
