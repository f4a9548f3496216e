package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Bodies that are not activities get a 400 with a sentence, never a stack trace. */
class MalformedInputTest extends BotScenario {

    @Test
    void malformed_json_is_400_without_a_stack_trace() throws IOException, InterruptedException {
        HttpResponse<String> r = raw("{\"type\": \"message\", ");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception", "at com.", "at dev.");
    }

    @Test
    void an_activity_without_service_url_or_conversation_is_400() throws IOException, InterruptedException {
        HttpResponse<String> r = raw("{\"type\": \"message\", \"text\": \"help\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("serviceUrl");
    }

    @Test
    void empty_body_is_400() throws IOException, InterruptedException {
        assertThat(raw("").statusCode()).isEqualTo(400);
    }

    @Test
    void activities_without_a_reply_are_202() {
        var update = TeamsActivities.message(TeamsPerson.ALICE, "", CONNECTOR.url()).put("type", "conversationUpdate");

        assertThat(post(update, null).statusCode()).isEqualTo(202);
    }

    @Test
    void installing_the_bot_in_a_personal_chat_says_hello() {
        TeamsPerson erin = new TeamsPerson(TeamsPerson.ERIN.userId(), TeamsPerson.ERIN.aadObjectId(),
                TeamsPerson.ERIN.upn(), TeamsPerson.ERIN.name(), "a:install-" + System.nanoTime());
        var install = TeamsActivities.message(erin, "", CONNECTOR.url()).put("type", "conversationUpdate");
        install.putArray("membersAdded").addObject().put("id", TeamsActivities.BOT_ID);

        assertThat(post(install, null).statusCode()).isEqualTo(202);
        assertThat(CONNECTOR.sentTo(erin.chatId())).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("JIT Groups", "`help`"));
    }

    private HttpResponse<String> raw(String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
