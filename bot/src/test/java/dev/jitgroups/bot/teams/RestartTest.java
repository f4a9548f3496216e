package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitgroups.bot.JitGroupsApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Conversation references live in the database: after a restart the bot still reaches people proactively. */
class RestartTest {

    static final FakeBotConnector CONNECTOR = FakeBotConnector.get();

    @Test
    void approval_cards_reach_an_approver_who_last_spoke_before_the_restart() {
        String db = "jdbc:h2:mem:bot-restart-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        TeamsPerson sofia = chatOf(TeamsPerson.SOFIA, "a:restart-sofia");
        TeamsPerson bob = chatOf(TeamsPerson.BOB, "a:restart-bob");
        CONNECTOR.addMember(sofia.userId(), sofia.aadObjectId(), sofia.upn(), sofia.name());
        CONNECTOR.addMember(bob.userId(), bob.aadObjectId(), bob.upn(), bob.name());
        CONNECTOR.addMember(TeamsPerson.CAROL.userId(), TeamsPerson.CAROL.aadObjectId(), TeamsPerson.CAROL.upn(),
                TeamsPerson.CAROL.name());

        try (ConfigurableApplicationContext first = start(db)) {
            assertThat(post(first, TeamsActivities.message(sofia, "help", CONNECTOR.url()))).isEqualTo(202);
        }
        try (ConfigurableApplicationContext second = start(db)) {
            post(second, TeamsActivities.message(bob, "request server-admins for 1h because after restart ticket "
                    + "INC246810", CONNECTOR.url()));

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> CONNECTOR.sentTo(sofia.chatId()).stream()
                    .anyMatch(s -> s.isCard() && s.card().toString().contains("after restart")));
        }
    }

    private static TeamsPerson chatOf(TeamsPerson p, String chatId) {
        return new TeamsPerson(p.userId(), p.aadObjectId(), p.upn(), p.name(), chatId);
    }

    private static ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(JitGroupsApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + db,
                        "--spring.jmx.enabled=false");
    }

    private static int post(ConfigurableApplicationContext app, JsonNode activity) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/messages")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
