package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Probes reach the health endpoint without credentials; the audit log (who got which privileged group, and why)
 * only with the operator's credential; /api/messages never without a token.
 */
class OperatorEndpointsTest extends AuthenticatedScenario {

    @Test
    void health_needs_no_credential_and_tells_no_details() throws Exception {
        HttpResponse<String> r = get("/actuator/health", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\"").doesNotContain("directory", "db");
    }

    @Test
    void the_audit_log_needs_the_operator_credential() throws Exception {
        assertThat(get("/actuator/audit", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/audit/export", basic("operator", "guess")).statusCode()).isEqualTo(401);

        HttpResponse<String> verified = get("/actuator/audit", basic("operator", OPERATOR_PASSWORD));

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("intact");
    }

    @Test
    void nothing_else_is_served_and_probing_the_bot_endpoint_is_answered_quietly() throws Exception {
        assertThat(get("/api/messages", null).statusCode()).isEqualTo(405);
        assertThat(get("/anything", basic("operator", OPERATOR_PASSWORD)).statusCode()).isIn(401, 403);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
