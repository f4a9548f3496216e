package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every card that shows a request stays true: approvers' copies (posted, or shown again by {@code pending}), the
 * channel's, the requester's status card. Each is drawn again for its reader whenever the request changes.
 */
class CardCopiesTest extends BotScenario {

    @BeforeEach
    void everyoneHasAChatWithTheBot() {
        for (TeamsPerson p : List.of(TeamsPerson.ALICE, TeamsPerson.BOB, TeamsPerson.CAROL, TeamsPerson.DAVE,
                TeamsPerson.SOFIA)) {
            say(p, "help");
        }
    }

    @Test
    void every_copy_of_a_request_shows_its_reader_the_state_it_is_in() {
        String channel = "19:tier0-copies@thread.tacv2";
        post(TeamsActivities.channelMessage(TeamsPerson.CAROL, channel, "subscribe tier0-admins", CONNECTOR.url()),
                null);
        say(TeamsPerson.BOB, "request tier0-admins for 1h because every copy stays true");
        FakeBotConnector.Sent carolCard = awaitApprovalCard(TeamsPerson.CAROL, "every copy stays true");
        String requestId = requestIdOf(carolCard);
        FakeBotConnector.Sent daveCard = awaitApprovalCard(TeamsPerson.DAVE, "every copy stays true");
        FakeBotConnector.Sent channelCard = awaitSent(channel, s -> !s.update() && cardMentions(s, "every copy"));
        FakeBotConnector.Sent davePending = say(TeamsPerson.DAVE, "pending").stream()
                .filter(s -> cardMentions(s, requestId)).findFirst().orElseThrow();
        FakeBotConnector.Sent bobStatus = say(TeamsPerson.BOB, "status").stream()
                .filter(s -> cardMentions(s, requestId)).findFirst().orElseThrow();

        tapOn(carolCard, TeamsPerson.CAROL, "approve", requestId);

        for (FakeBotConnector.Sent daves : List.of(daveCard, davePending)) {
            awaitRedrawn(daves, c -> c.contains("(1 of 2)") && c.contains("\"verb\":\"approve\""));
        }
        awaitRedrawn(channelCard, c -> c.contains("(1 of 2)") && !c.contains("\"verb\":\"approve\""));

        JsonNode answer = tapOn(davePending, TeamsPerson.DAVE, "approve", requestId);

        assertThat(answer.toString()).contains("You approved this request");
        awaitStatus(requestId, RequestStatus.ACTIVE);
        for (FakeBotConnector.Sent copy : List.of(carolCard, daveCard, davePending, channelCard)) {
            awaitRedrawn(copy, c -> c.contains("Active in Active Directory") && !c.contains("\"verb\":\"approve\""));
        }
        awaitRedrawn(bobStatus, c -> c.contains("JIT Tier0 Admins: active") && c.contains("\"verb\":\"deactivate\""));

        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.BOB));

        for (FakeBotConnector.Sent copy : List.of(carolCard, daveCard, davePending, channelCard)) {
            awaitRedrawn(copy, c -> c.contains("Revoked by Bob Brown"));
        }
        awaitRedrawn(bobStatus, c -> c.contains("no pending or active requests"));
    }

    @Test
    void a_card_submitted_from_the_form_follows_the_request_for_its_requester() {
        FakeBotConnector.Sent form = say(TeamsPerson.ALICE, "request").stream()
                .filter(FakeBotConnector.Sent::isCard).findFirst().orElseThrow();
        JsonNode submitted = tapOn(form, TeamsPerson.ALICE, "submitRequest", FakeBotConnector.MAPPER.createObjectNode()
                .put("group", "server-admins").put("duration", "2h").put("justification", "form card follows")
                .put("ticket", "INC424242"));
        assertThat(submitted.toString()).contains("Pending approval (0 of 1)");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.SOFIA, "form card follows"));

        tap(TeamsPerson.SOFIA, "deny", FakeBotConnector.MAPPER.createObjectNode().put("requestId", requestId)
                .put("comment", "use the staging group"));

        awaitRedrawn(form, c -> c.contains("Denied by Sofia Stone") && c.contains("use the staging group")
                && !c.contains("\"verb\":\"cancel\""));
    }

    @Test
    void a_copy_deleted_in_teams_is_tried_once_and_then_left_alone() {
        assertThat(say(TeamsPerson.BOB, "request server-admins for 1h because deleted copy ticket INC515151").get(0).text())
                .contains("Submitted");
        FakeBotConnector.Sent carolCard = awaitApprovalCard(TeamsPerson.CAROL, "deleted copy");
        String requestId = requestIdOf(carolCard);
        FakeBotConnector.Sent sofiaCard = awaitApprovalCard(TeamsPerson.SOFIA, "deleted copy");
        CONNECTOR.delete(sofiaCard.activityId());

        tapOn(carolCard, TeamsPerson.CAROL, "approve", requestId);
        awaitStatus(requestId, RequestStatus.ACTIVE);
        awaitRedrawn(carolCard, c -> c.contains("Active in Active Directory"));
        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.BOB));
        awaitRedrawn(carolCard, c -> c.contains("Revoked by Bob Brown"));

        assertThat(CONNECTOR.requests()).filteredOn(r -> r.startsWith("PUT ") && r.endsWith("/"
                + sofiaCard.activityId())).hasSize(1);
        assertThat(say(TeamsPerson.SOFIA, "pending").get(0).text()).contains("Nothing is waiting");
    }

    /** Waits until the bot replaced this posted card with one that matches. */
    private void awaitRedrawn(FakeBotConnector.Sent card, Predicate<String> shows) {
        awaitSent(card.conversationId(), s -> s.update() && s.activityId().equals(card.activityId())
                && shows.test(s.card().toString()));
    }
}
