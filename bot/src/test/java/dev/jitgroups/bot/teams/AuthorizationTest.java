package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may see and do what, checked at every tap and message, and input that is too big for its purpose answered in a
 * sentence (never a server error).
 */
class AuthorizationTest extends BotScenario {

    @BeforeEach
    void everyoneHasAChatWithTheBot() {
        for (TeamsPerson p : List.of(TeamsPerson.ALICE, TeamsPerson.BOB, TeamsPerson.CAROL, TeamsPerson.DAVE,
                TeamsPerson.FRANK)) {
            say(p, "help");
        }
    }

    @Test
    void a_request_is_shown_on_refresh_only_to_its_requester_its_approvers_and_admins() {
        say(TeamsPerson.ALICE, "request tier0-admins for 1h because who may look");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "who may look"));

        assertThat(tap(TeamsPerson.BOB, "refresh", requestId).toString()).contains("not yours to see")
                .doesNotContain("who may look", "Alice Adams");
        assertThat(tap(TeamsPerson.ALICE, "refresh", requestId).toString()).contains("who may look");
        assertThat(tap(TeamsPerson.CAROL, "refresh", requestId).toString()).contains("who may look",
                "\"verb\":\"approve\"");
        assertThat(tap(TeamsPerson.FRANK, "refresh", requestId).toString()).contains("who may look")
                .doesNotContain("\"verb\":\"approve\"");
    }

    @Test
    void a_tap_by_someone_who_may_not_decide_reveals_nothing_of_the_request() {
        say(TeamsPerson.ALICE, "request tier0-admins for 1h because secret reason");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "secret reason"));

        String answer = tap(TeamsPerson.BOB, "approve", requestId).toString();

        assertThat(answer).contains("not an approver").doesNotContain("secret reason");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    @Test
    void an_approver_decides_once_approving_then_denying_is_refused() {
        say(TeamsPerson.BOB, "request tier0-admins for 1h because approve then deny");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "approve then deny"));
        tap(TeamsPerson.CAROL, "approve", requestId);

        String deny = tap(TeamsPerson.CAROL, "deny", requestId).toString();

        assertThat(deny).contains("each approver decides once");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(find(requestId).approvals()).hasSize(1);
    }

    @Test
    void absurd_durations_and_extensions_get_a_sentence_not_a_server_error() {
        assertThat(say(TeamsPerson.ALICE, "request tier0-admins for 106751991167301d because overflow").get(0).text())
                .contains("too long");
        say(TeamsPerson.ALICE, "request helpdesk for 30m");
        awaitSent(TeamsPerson.ALICE.chatId(), s -> s.text().contains("effective in AD now"));

        assertThat(say(TeamsPerson.ALICE, "extend helpdesk by 9999999999999d").get(0).text()).contains("too long");
        assertThat(say(TeamsPerson.ALICE, "deactivate helpdesk").get(0).text()).contains("Ended");
    }

    @Test
    void an_over_long_ticket_or_comment_gets_a_sentence_and_changes_nothing() {
        String ticket = say(TeamsPerson.ALICE, "request server-admins for 1h because long ticket ticket INC"
                + "1".repeat(300)).get(0).text();
        assertThat(ticket).contains("ticket id is too long");

        say(TeamsPerson.ALICE, "request server-admins for 1h because long comment ticket INC424242");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "long comment"));
        ObjectNode data = FakeBotConnector.MAPPER.createObjectNode().put("requestId", requestId)
                .put("comment", "x".repeat(2000));

        assertThat(tap(TeamsPerson.CAROL, "approve", data).toString()).contains("comment is too long");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
        ending.cancel(RequestId.parse(requestId), account(TeamsPerson.ALICE));
    }
}
