package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A group approved by an Entra ID group ({@code entra-group:}), checked through Microsoft Graph (a local stand-in).
 * While Graph cannot answer, an approver's tap is neither refused as "not an approver" nor counted unchecked: it is
 * kept like a tap during an Active Directory outage, the approver is told Microsoft Graph could not be reached, and the
 * approval counts once Graph confirms the membership. Someone Graph says is not in the group is refused as before.
 */
class EntraGroupOutageTest extends AuthenticatedScenario {

    static final String CLOUD_APPROVERS = "0f6a1c2e-1111-2222-3333-444455556666";
    static final FakeGraph GRAPH = new FakeGraph("7d2f8a40-1c3b-4e5d-8f60-9a1b2c3d4e5f");

    @DynamicPropertySource
    static void cloudApprovedGroup(DynamicPropertyRegistry registry) {
        registry.add("jit.test.database", () -> "bot-entra");
        registry.add("jit.graph.client-id", () -> "55555555-4444-5555-6666-777777777777");
        registry.add("jit.graph.client-secret", () -> "graph-secret-do-not-log");
        registry.add("jit.graph.tenant-id", () -> TeamsActivities.TENANT);
        registry.add("jit.graph.base-url", GRAPH::baseUrl);
        registry.add("jit.graph.authority-host", AUTHORITY::url);
        registry.add("jit.graph.retries", () -> 1);
        registry.add("jit.groups[0].name", () -> "cloud-ops");
        registry.add("jit.groups[0].display-name", () -> "JIT Cloud Ops");
        registry.add("jit.groups[0].dn", () -> "CN=JIT Server Admins,OU=Privileged,DC=corp,DC=example");
        registry.add("jit.groups[0].eligible[0]", TeamsPerson.ALICE::upn);
        registry.add("jit.groups[0].approvers[0]", () -> "entra-group:" + CLOUD_APPROVERS);
        registry.add("jit.groups[0].max-duration", () -> "4h");
    }

    @BeforeEach
    void carolIsInTheCloudApproversGroup() {
        GRAPH.reset();
        for (TeamsPerson p : List.of(TeamsPerson.ALICE, TeamsPerson.CAROL, TeamsPerson.DAVE)) {
            GRAPH.addUser(p, account(p).id());
        }
        GRAPH.addToEntraGroups(TeamsPerson.CAROL, CLOUD_APPROVERS);
    }

    @AfterEach
    void graphIsBack() {
        GRAPH.answerMemberChecks();
    }

    @Test
    void a_tap_while_graph_is_down_is_kept_and_counts_once_graph_confirms_the_approver() {
        String requestId = request("graph outage drill");
        GRAPH.failMemberChecks(503);

        JsonNode answer = tap(TeamsPerson.CAROL, "approve", requestId);

        assertThat(answer.toString()).contains("Recorded: Microsoft Graph cannot be reached right now",
                "counts only then").doesNotContain("not an approver");
        assertThat(tap(TeamsPerson.CAROL, "approve", requestId).toString()).contains("already recorded");
        assertThat(GRAPH.memberChecks()).isNotEmpty();
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);

        GRAPH.answerMemberChecks();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(requestId) == RequestStatus.ACTIVE);
        awaitSent(TeamsPerson.CAROL.chatId(), s -> s.text().contains("now counts"));
        awaitSent(TeamsPerson.ALICE.chatId(), s -> s.text().contains("effective in AD now"));
        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.ALICE));
    }

    @Test
    void a_message_that_needs_graph_while_it_is_down_says_so() {
        request("pending while graph is down");
        GRAPH.failMemberChecks(503);

        String reply = say(TeamsPerson.CAROL, "pending").stream().map(FakeBotConnector.Sent::text)
                .reduce("", String::concat);

        assertThat(reply).contains("Microsoft Graph could not be reached right now");
    }

    @Test
    void graph_refusing_the_bot_is_said_and_the_tap_is_not_kept() {
        String requestId = request("graph refuses the bot");
        GRAPH.failMemberChecks(403);

        assertThat(tap(TeamsPerson.CAROL, "approve", requestId).toString()).contains("Microsoft Graph refused",
                "GroupMember.Read.All").doesNotContain("Recorded");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    @Test
    void someone_graph_says_is_not_in_the_group_is_not_an_approver() {
        String requestId = request("not in the cloud group");

        assertThat(tap(TeamsPerson.DAVE, "approve", requestId).toString()).contains("not an approver");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    /** Alice asks for the group; the id of her pending request. */
    private String request(String because) {
        say(TeamsPerson.ALICE, "request cloud-ops for 1h because " + because);
        AccessRequest pending = queries.openRequestsOf(account(TeamsPerson.ALICE)).stream()
                .filter(r -> r.status() == RequestStatus.PENDING_APPROVAL).findFirst().orElseThrow();
        return pending.id().toString();
    }
}
