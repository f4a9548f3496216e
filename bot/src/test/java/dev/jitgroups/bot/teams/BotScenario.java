package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.bot.JitGroupsApplication;
import dev.jitgroups.bot.cards.AdaptiveCardSchema;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.workflow.EndingAccess;
import dev.jitgroups.core.workflow.Queries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random loopback port, in local mode (no app id), with an in-memory database, ldap-sync's
 * embedded demo directory and the fake Bot Connector. Tests talk to /api/messages like Teams does and read what the
 * bot sent. The expiry warning comes 29m55s before the end, so a 30m grant is "expiring soon" after 5 seconds.
 */
@SpringBootTest(classes = JitGroupsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:bot-scenario;DB_CLOSE_DELAY=-1",
            "jit.jobs.retry-initial=200ms", "jit.jobs.retry-max=1s", "server.address=127.0.0.1",
            "jit.expiry-warning=29m55s", "jit.request-limit.max=1000"})
abstract class BotScenario {

    static final FakeBotConnector CONNECTOR = FakeBotConnector.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<String> answeredCards = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    Queries queries;
    @Autowired
    EndingAccess ending;
    @Autowired
    AccountDirectory directory;
    @Autowired
    GroupMembership membership;

    @BeforeEach
    void rosterAndChats() {
        for (TeamsPerson p : List.of(TeamsPerson.ALICE, TeamsPerson.BOB, TeamsPerson.CAROL, TeamsPerson.DAVE,
                TeamsPerson.SOFIA, TeamsPerson.ERIN, TeamsPerson.FRANK)) {
            CONNECTOR.addMember(p.userId(), p.aadObjectId(), p.upn(), p.name());
        }
    }

    /** Every card the bot posted, updated or answered with so far is a valid Adaptive Card 1.5. */
    @AfterEach
    void everyCardSentIsValid() {
        List<String> cards = new ArrayList<>(answeredCards);
        CONNECTOR.sent().stream().filter(FakeBotConnector.Sent::isCard).forEach(s -> cards.add(s.card().toString()));
        for (String card : cards) {
            assertThat(AdaptiveCardSchema.problems(card)).as(card).isEmpty();
        }
        List<String> shown = new ArrayList<>();
        for (FakeBotConnector.Sent s : CONNECTOR.sent()) {
            shown.add(s.text());
            if (s.isCard()) {
                shownTexts(s.card(), shown);
            }
        }
        for (String card : answeredCards) {
            try {
                shownTexts(FakeBotConnector.MAPPER.readTree(card), shown);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(shown).as("what people read shows no markdown escapes or HTML entities")
                .noneMatch(t -> ESCAPES.matcher(t).find());
        answeredCards.clear();
    }

    /** A backslash before a markdown character, or an HTML entity: Teams would show either as typed. */
    private static final Pattern ESCAPES = Pattern.compile("\\\\[\\\\`*_{}\\[\\]()#+.!|<>-]|&(lt|gt|amp|quot|#\\d+);");

    /** The texts a reader sees on a card: text blocks, text runs and facts. */
    private static void shownTexts(JsonNode node, List<String> into) {
        if (node.isObject()) {
            String type = node.path("type").asText();
            if (type.equals("TextBlock") || type.equals("TextRun")) {
                into.add(node.path("text").asText());
            }
            if (node.has("title") && node.has("value") && node.path("value").isTextual()) {
                into.add(node.path("title").asText() + " " + node.path("value").asText());
            }
        }
        node.forEach(child -> shownTexts(child, into));
    }

    /** Leaves no pending request behind, so that each test starts from the same place. */
    @AfterEach
    void cancelPending() {
        for (TeamsPerson p : List.of(TeamsPerson.ALICE, TeamsPerson.BOB)) {
            directory.findUser(p.upn()).ifPresent(a -> {
                for (AccessRequest r : queries.openRequestsOf(a)) {
                    if (r.status() == RequestStatus.PENDING_APPROVAL) {
                        ending.cancel(r.id(), a);
                    }
                }
            });
        }
    }

    HttpResponse<String> post(JsonNode activity, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Authorization header Teams would send with this activity; none in local mode. */
    String authorizationFor(JsonNode activity) {
        return null;
    }

    /** Posts an activity as Teams would (with a valid token when the bot has an app id). */
    HttpResponse<String> send(JsonNode activity) {
        return post(activity, authorizationFor(activity));
    }

    /** Sends a 1:1 message and returns the bot's direct replies to it (not notices sent meanwhile). */
    List<FakeBotConnector.Sent> say(TeamsPerson who, String text) {
        ObjectNode activity = TeamsActivities.message(who, text, CONNECTOR.url());
        HttpResponse<String> r = send(activity);
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("message answered " + r.statusCode() + ": " + r.body());
        }
        String id = activity.path("id").asText();
        return CONNECTOR.sentTo(who.chatId()).stream().filter(s -> id.equals(s.replyTo())).toList();
    }

    /** Taps an Action.Execute button; returns the card Teams would show in its place. */
    JsonNode tap(TeamsPerson who, String verb, String requestId) {
        ObjectNode data = FakeBotConnector.MAPPER.createObjectNode().put("requestId", requestId);
        return tap(who, verb, data);
    }

    JsonNode tap(TeamsPerson who, String verb, ObjectNode data) {
        return tapOn(null, who, verb, data);
    }

    /** Taps a button on this posted card (its activity id travels as replyToId, as Teams sends it). */
    JsonNode tapOn(FakeBotConnector.Sent card, TeamsPerson who, String verb, String requestId) {
        return tapOn(card, who, verb, FakeBotConnector.MAPPER.createObjectNode().put("requestId", requestId));
    }

    JsonNode tapOn(FakeBotConnector.Sent card, TeamsPerson who, String verb, ObjectNode data) {
        HttpResponse<String> r = send(TeamsActivities.execute(who, verb, data, CONNECTOR.url(),
                card == null ? null : card.activityId()));
        if (r.statusCode() != 200) {
            throw new AssertionError("invoke answered " + r.statusCode() + ": " + r.body());
        }
        try {
            JsonNode body = FakeBotConnector.MAPPER.readTree(r.body());
            if (!"application/vnd.microsoft.card.adaptive".equals(body.path("type").asText())) {
                throw new AssertionError("invoke answer is not a card: " + r.body());
            }
            answeredCards.add(body.path("value").toString());
            return body.path("value");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the bot has sent something into the conversation that matches. */
    FakeBotConnector.Sent awaitSent(String conversationId, Predicate<FakeBotConnector.Sent> what) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> CONNECTOR.sentTo(conversationId).stream().filter(what).findFirst().orElse(null),
                        s -> s != null);
    }

    static boolean cardMentions(FakeBotConnector.Sent s, String text) {
        return s.isCard() && s.card().toString().contains(text);
    }

    FakeBotConnector.Sent awaitApprovalCard(TeamsPerson approver, String text) {
        return awaitSent(approver.chatId(), s -> !s.update() && cardMentions(s, text)
                && cardMentions(s, "\"verb\":\"approve\""));
    }

    String cardIdIn(TeamsPerson approver, String requestId) {
        return CONNECTOR.sentTo(approver.chatId()).stream().filter(s -> !s.update() && cardMentions(s, requestId))
                .findFirst().orElseThrow().activityId();
    }

    static String requestIdOf(FakeBotConnector.Sent card) {
        return card.card().path("actions").path(0).path("data").path("requestId").asText();
    }

    Account account(TeamsPerson p) {
        return directory.findUser(p.upn()).orElseThrow();
    }

    AccessRequest find(String requestId) {
        return queries.find(RequestId.parse(requestId)).orElseThrow();
    }

    RequestStatus statusOf(String requestId) {
        return find(requestId).status();
    }

    void awaitStatus(String requestId, RequestStatus status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(requestId) == status);
    }
}
