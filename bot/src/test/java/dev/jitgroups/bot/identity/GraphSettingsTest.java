package dev.jitgroups.bot.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jit.graph.*}: a secret or a certificate, each problem naming its key, and no secret in {@code toString()}. */
class GraphSettingsTest {

    @Test
    void a_certificate_file_replaces_the_secret(@TempDir Path dir) throws Exception {
        Path pfx = Files.writeString(dir.resolve("graph.pfx"), "not checked here");

        assertThat(settings(null, pfx.toString(), null, null).problems()).isEmpty();
        assertThat(settings("s3cret", pfx.toString(), null, null).problems()).singleElement().asString()
                .startsWith("jit.graph.certificate-file: set either it or jit.graph.client-secret");
        assertThat(settings(null, dir.resolve("missing.pfx").toString(), null, null).problems()).singleElement()
                .asString().contains("cannot be read");
        assertThat(settings(null, null, null, null).problems()).singleElement().asString()
                .startsWith("jit.graph.client-secret: is missing");
    }

    @Test
    void the_old_token_url_and_impossible_retry_waits_are_named() {
        assertThat(settings("s3cret", null, Duration.ofMinutes(10), "https://login.example/token").problems())
                .anySatisfy(p -> assertThat(p).startsWith("jit.graph.max-retry-after: "))
                .anySatisfy(p -> assertThat(p).startsWith("jit.graph.token-url: is no longer used"));
    }

    @Test
    void secrets_stay_out_of_to_string() {
        GraphSettings settings = new GraphSettings("tenant", "client", "s3cret", "graph.pfx", "pfx-password", null, null,
                null, null, null, null, null);

        assertThat(settings.toString()).doesNotContain("s3cret", "pfx-password").contains("clientSecret=(set)");
        assertThat(settings.credential().toString()).doesNotContain("s3cret", "pfx-password");
        assertThat(settings.credential().authority()).isEqualTo("https://login.microsoftonline.com/tenant/");
    }

    private static GraphSettings settings(String secret, String certificate, Duration maxRetryAfter, String tokenUrl) {
        return new GraphSettings("tenant", "client", secret, certificate, null, null, null, null, null, null,
                maxRetryAfter, tokenUrl);
    }
}
