package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Approvers who never wrote to the bot and are in no team with it, with Microsoft Graph (a local stand-in): found by
 * their on-premises SID, reached by their Entra object id where the app is installed for them, and otherwise the app
 * is installed for them through Graph and the card is posted in the chat of that installation. Graph's token comes
 * from the token authority stand-in for the Graph app registration's client secret, as from Entra ID.
 */
@ExtendWith(OutputCaptureExtension.class)
class GraphInstallTest extends ReachScenario {

    static final String MANIFEST_APP_ID = "7d2f8a40-1c3b-4e5d-8f60-9a1b2c3d4e5f";
    static final String GRAPH_SECRET = "graph-secret-do-not-log";
    static final String GRAPH_APP_ID = "33333333-4444-5555-6666-777777777777";
    static final FakeGraph GRAPH = new FakeGraph(MANIFEST_APP_ID);

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("jit.test.database", () -> "bot-graph");
        registry.add("jit.graph.client-id", () -> GRAPH_APP_ID);
        registry.add("jit.graph.client-secret", () -> GRAPH_SECRET);
        registry.add("jit.graph.tenant-id", () -> TeamsActivities.TENANT);
        registry.add("jit.graph.base-url", GRAPH::baseUrl);
        registry.add("jit.graph.authority-host", AUTHORITY::url);
        registry.add("jit.graph.teams-app-id", () -> MANIFEST_APP_ID);
    }

    @BeforeEach
    void everyoneIsAnEntraUserSynchronisedFromAd() {
        GRAPH.reset();
        for (TeamsPerson p : List.of(TeamsPerson.ALICE, TeamsPerson.BOB, TeamsPerson.CAROL, TeamsPerson.DAVE,
                TeamsPerson.SOFIA, TeamsPerson.ERIN, TeamsPerson.FRANK)) {
            GRAPH.addUser(p, account(p).id());
        }
        // Carol has the app (pushed by policy before the bot's database existed); Dave has it nowhere
        CONNECTOR.refuseChatsWith(TeamsPerson.DAVE.aadObjectId(), 403);
    }

    @Test
    void an_approver_with_the_app_nowhere_gets_it_installed_through_graph_and_the_card_in_its_chat() {
        String dave = TeamsPerson.DAVE.aadObjectId();

        say(TeamsPerson.BOB, "request tier0-admins for 1h because installed through graph");

        FakeBotConnector.Sent card = awaitCardIn(FakeGraph.chatIdOf(dave), "installed through graph");
        assertThat(card.card().path("refresh").path("userIds").toString()).contains(dave);
        awaitCardIn(createdChatOf(TeamsPerson.CAROL.aadObjectId()), "installed through graph");
        assertThat(GRAPH.installs()).singleElement().satisfies(install -> {
            assertThat(install.target()).isEqualTo("POST /v1.0/users/" + dave + "/teamwork/installedApps");
            assertThat(install.body().path("teamsApp@odata.bind").asText())
                    .isEqualTo(GRAPH.baseUrl() + "/appCatalogs/teamsApps/" + FakeGraph.CATALOG_APP_ID);
            assertThat(install.authorization()).startsWith("Bearer authority-token-");
        });
        assertThat(AUTHORITY.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/" + TeamsActivities.TENANT + "/oauth2/v2.0/token");
            assertThat(r.form()).containsEntry("client_id", GRAPH_APP_ID).containsEntry("client_secret", GRAPH_SECRET);
            assertThat(r.form().get("scope").split(" ")).contains("https://127.0.0.1/.default");
        });
        assertThat(GRAPH.requests()).extracting(FakeGraph.Request::target).contains("GET /v1.0/users/" + dave
                + "/teamwork/installedApps/installation-" + dave + "/chat");
        assertThat(CONNECTOR.created()).extracting(FakeBotConnector.Created::memberId)
                .containsExactly(TeamsPerson.CAROL.aadObjectId());
        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "asked of").text()).contains("Carol Clark", "Dave Davis")
                .doesNotContain("could not be reached");
    }

    @Test
    void graph_without_the_permission_to_install_is_reported_as_such(CapturedOutput log) {
        GRAPH.failNextInstalls(1, 403);

        say(TeamsPerson.BOB, "request tier0-admins for 1h because no permission to install");

        String requestId = requestIdOf(awaitCardIn(createdChatOf(TeamsPerson.CAROL.aadObjectId()),
                "no permission to install"));
        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "Dave Davis could not be reached").text())
                .contains("was asked of: Carol Clark.", "Microsoft Graph refused the bot", "lacks the permission");
        assertThat(audit.contains(requestId, "approver.unreachable", "failed")).isTrue();
        assertThat(log.getOut()).contains("Dave Davis (dave@corp.example)", "HTTP 403",
                "TeamsAppInstallation.ReadWriteSelfForUser.All").doesNotContain(GRAPH_SECRET);
    }

    @Test
    void graph_down_while_installing_is_retried_and_the_card_arrives_once() {
        GRAPH.failNextInstalls(2, 503);

        say(TeamsPerson.BOB, "request tier0-admins for 1h because graph is down a moment");

        String dave = FakeGraph.chatIdOf(TeamsPerson.DAVE.aadObjectId());
        String carol = createdChatOf(TeamsPerson.CAROL.aadObjectId());
        awaitCardIn(dave, "graph is down a moment");
        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "asked of").text()).contains("Carol Clark", "Dave Davis");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                cardsIn(dave, "graph is down a moment") == 1 && cardsIn(carol, "graph is down a moment") == 1
                && CONNECTOR.sentTo(TeamsPerson.BOB.chatId()).stream().filter(s -> s.text().contains("asked of"))
                        .count() == 1);
        assertThat(GRAPH.installs()).hasSize(3);
    }
}
