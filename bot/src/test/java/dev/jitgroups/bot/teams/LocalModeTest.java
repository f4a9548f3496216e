package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Local mode has no authentication, so it answers only programs on this machine: not a web page posting across
 * sites, not a page whose DNS name was rebound to 127.0.0.1, and never with the bot talking to anything but loopback.
 */
class LocalModeTest extends BotScenario {

    @Test
    void the_agents_playground_style_request_is_answered() {
        assertThat(say(TeamsPerson.ALICE, "help")).isNotEmpty();
    }

    @Test
    void a_cross_site_post_from_a_web_page_is_refused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request()
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(help("a:cross-site"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(CONNECTOR.sentTo("a:cross-site")).isEmpty();
    }

    @Test
    void a_form_style_text_plain_post_is_refused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request().header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(help("a:text-plain"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(CONNECTOR.sentTo("a:text-plain")).isEmpty();
    }

    @Test
    void a_request_for_another_host_name_dns_rebinding_is_refused() throws IOException {
        String body = help("a:rebound");
        String raw = "POST /api/messages HTTP/1.1\r\nHost: attacker.example:" + port + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body;

        String status = rawRequest(raw);

        assertThat(status).startsWith("HTTP/1.1 403");
        assertThat(CONNECTOR.sentTo("a:rebound")).isEmpty();
    }

    @Test
    void an_activity_naming_a_service_url_off_this_machine_is_refused() {
        var activity = TeamsActivities.message(TeamsPerson.ALICE, "help", "https://smba.trafficmanager.net/amer/");

        assertThat(post(activity, null).statusCode()).isEqualTo(403);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .timeout(Duration.ofSeconds(10));
    }

    private String help(String chat) {
        TeamsPerson a = TeamsPerson.ALICE;
        return TeamsActivities.message(new TeamsPerson(a.userId(), a.aadObjectId(), a.upn(), a.name(), chat), "help",
                CONNECTOR.url()).toString();
    }

    private String rawRequest(String raw) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
