package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request, approval cards, taps and notices, end to end through /api/messages and the fake Bot Connector. */
class ApprovalFlowTest extends BotScenario {

    static final Dn SERVER_ADMINS = Dn.parse("CN=JIT Server Admins,OU=Privileged,DC=corp,DC=example");
    static final Dn TIER0_ADMINS = Dn.parse("CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example");

    @BeforeEach
    void everyoneHasAChatWithTheBot() {
        for (TeamsPerson p : List.of(TeamsPerson.ALICE, TeamsPerson.BOB, TeamsPerson.CAROL, TeamsPerson.DAVE,
                TeamsPerson.SOFIA, TeamsPerson.ERIN)) {
            say(p, "help");
        }
    }

    @Test
    void one_line_request_sends_approval_cards_and_an_approve_tap_makes_it_effective_in_ad() {
        String reply = say(TeamsPerson.ALICE, "request server-admins for 2h because patching DC01 ticket INC123456")
                .get(0).text();
        assertThat(reply).contains("Submitted", "JIT Server Admins", "2h");

        FakeBotConnector.Sent card = awaitApprovalCard(TeamsPerson.CAROL, "patching DC01");
        awaitApprovalCard(TeamsPerson.SOFIA, "patching DC01");
        assertThat(card.card().toString()).contains("INC123456", "Alice Adams", "\"verb\":\"approve\"",
                "\"verb\":\"deny\"", "\"userIds\":[\"" + TeamsPerson.CAROL.aadObjectId() + "\"]");
        String requestId = requestIdOf(card);

        JsonNode answer = tap(TeamsPerson.CAROL, "approve", requestId);

        assertThat(answer.toString()).contains("You approved this request", "Approved").doesNotContain("\"verb\":\"approve\"");
        assertThat(statusOf(requestId)).isIn(RequestStatus.APPROVED, RequestStatus.ACTIVE);
        FakeBotConnector.Sent effective = awaitSent(TeamsPerson.ALICE.chatId(), s -> s.text().contains("effective in AD now"));
        assertThat(effective.text()).contains("klist purge");
        assertThat(membership.isDirectMember(account(TeamsPerson.ALICE).memberRef(), SERVER_ADMINS)).isTrue();
        awaitSent(TeamsPerson.SOFIA.chatId(), s -> s.update() && s.activityId().equals(cardIdIn(TeamsPerson.SOFIA,
                requestId)) && s.card().toString().contains("Active in Active Directory"));
        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.ALICE));
    }

    @Test
    void two_approval_policy_stays_pending_after_the_first_and_applies_after_the_second() {
        say(TeamsPerson.BOB, "request tier0-admins for 1h because replacing a DC certificate");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "replacing a DC certificate"));
        awaitApprovalCard(TeamsPerson.DAVE, "replacing a DC certificate");

        JsonNode first = tap(TeamsPerson.CAROL, "approve", requestId);

        assertThat(first.toString()).contains("Pending approval (1 of 2)", "Carol Clark");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
        awaitSent(TeamsPerson.DAVE.chatId(), s -> s.update() && s.card().toString().contains("(1 of 2)")
                && s.card().toString().contains("\"verb\":\"approve\""));

        JsonNode second = tap(TeamsPerson.DAVE, "approve", requestId);

        assertThat(second.toString()).contains("You approved this request");
        awaitSent(TeamsPerson.BOB.chatId(), s -> s.text().contains("effective in AD now"));
        assertThat(membership.isDirectMember(account(TeamsPerson.BOB).memberRef(), TIER0_ADMINS)).isTrue();
        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.BOB));
    }

    @Test
    void requester_cannot_approve_own_request_and_nothing_changes() {
        say(TeamsPerson.ALICE, "request tier0-admins for 1h because own approval attempt");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "own approval attempt"));

        JsonNode answer = tap(TeamsPerson.ALICE, "approve", requestId);

        assertThat(answer.toString()).contains("You cannot decide your own request").doesNotContain("\"verb\":\"approve\"");
        assertThat(find(requestId).approvals()).isEmpty();
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    @Test
    void a_non_approver_posting_an_approve_invoke_with_the_real_request_id_is_refused() {
        say(TeamsPerson.ALICE, "request tier0-admins for 1h because forged tap");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "forged tap"));

        JsonNode answer = tap(TeamsPerson.ERIN, "approve", requestId);

        assertThat(answer.toString()).contains("not an approver");
        assertThat(find(requestId).approvals()).isEmpty();
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);
    }

    @Test
    void a_tap_on_an_already_decided_request_is_refused() {
        say(TeamsPerson.ALICE, "request tier0-admins for 1h because decided before");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "decided before"));
        JsonNode denied = tap(TeamsPerson.CAROL, "deny", FakeBotConnector.MAPPER.createObjectNode()
                .put("requestId", requestId).put("comment", "not during the freeze"));
        assertThat(denied.toString()).contains("Denied", "You denied this request");
        awaitSent(TeamsPerson.ALICE.chatId(), s -> s.text().contains("was denied") && s.text().contains("freeze"));

        JsonNode late = tap(TeamsPerson.DAVE, "approve", requestId);

        assertThat(late.toString()).contains("already denied").doesNotContain("\"verb\":\"approve\"");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.DENIED);
        assertThat(find(requestId).approvals()).isEmpty();
    }

    @Test
    void two_approvers_tapping_at_once_make_one_decision_and_every_copy_is_updated() throws Exception {
        say(TeamsPerson.BOB, "request server-admins for 1h because race ticket INC654321");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "race"));
        awaitApprovalCard(TeamsPerson.SOFIA, "race");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<JsonNode> byCarol = pool.submit(() -> tapAfter(start, TeamsPerson.CAROL, requestId));
            Future<JsonNode> bySofia = pool.submit(() -> tapAfter(start, TeamsPerson.SOFIA, requestId));
            start.countDown();
            List<JsonNode> cards = List.of(get(byCarol), get(bySofia));
            assertThat(cards.stream().filter(c -> c.toString().contains("You approved this request"))).hasSize(1);
            assertThat(cards).allSatisfy(c -> assertThat(c.path("type").asText()).isEqualTo("AdaptiveCard"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(find(requestId).approvals()).hasSize(1);
        for (TeamsPerson approver : List.of(TeamsPerson.CAROL, TeamsPerson.SOFIA)) {
            String copy = cardIdIn(approver, requestId);
            awaitSent(approver.chatId(), s -> s.update() && s.activityId().equals(copy)
                    && s.card().toString().contains("Active in Active Directory"));
        }
        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.BOB));
    }

    @Test
    void a_subscribed_approvals_channel_gets_the_card_with_status_for_all_and_buttons_by_refresh() {
        String channel = "19:server-approvals@thread.tacv2";
        post(TeamsActivities.channelMessage(TeamsPerson.CAROL, channel, "subscribe server-admins", CONNECTOR.url()),
                null);
        assertThat(CONNECTOR.sentTo(channel)).anySatisfy(s -> assertThat(s.text()).contains("ubscribed"));

        say(TeamsPerson.BOB, "request server-admins for 1h because channel copy ticket INC777777");
        FakeBotConnector.Sent copy = awaitSent(channel, s -> !s.update() && cardMentions(s, "channel copy"));

        assertThat(copy.card().path("actions")).isEmpty();
        assertThat(copy.card().path("refresh").path("userIds").toString()).contains(TeamsPerson.CAROL.aadObjectId(),
                TeamsPerson.SOFIA.aadObjectId());
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.CAROL, "channel copy"));
        JsonNode refreshed = tap(TeamsPerson.SOFIA, "refresh", requestId);
        assertThat(refreshed.toString()).contains("\"verb\":\"approve\"");
        JsonNode forOthers = tap(TeamsPerson.ERIN, "refresh", requestId);
        assertThat(forOthers.toString()).doesNotContain("\"verb\":\"approve\"", "channel copy", "Bob Brown")
                .contains("not yours to see");

        tap(TeamsPerson.CAROL, "approve", requestId);

        awaitSent(channel, s -> s.update() && s.activityId().equals(copy.activityId())
                && s.card().toString().contains("Active in Active Directory"));
        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.BOB));
    }

    @Test
    void pending_shows_approvers_what_waits_for_them_and_cancel_updates_the_cards() {
        say(TeamsPerson.ALICE, "request tier0-admins for 2h because pending list");
        String requestId = requestIdOf(awaitApprovalCard(TeamsPerson.DAVE, "pending list"));

        List<FakeBotConnector.Sent> pending = say(TeamsPerson.DAVE, "pending");

        assertThat(pending).anySatisfy(s -> assertThat(s.card().toString()).contains("pending list",
                "\"verb\":\"approve\""));
        assertThat(say(TeamsPerson.ALICE, "pending").get(0).text()).contains("Nothing is waiting");

        JsonNode cancelled = tap(TeamsPerson.ALICE, "cancel", requestId);

        assertThat(cancelled.toString()).contains("Cancelled your request");
        String copy = cardIdIn(TeamsPerson.DAVE, requestId);
        awaitSent(TeamsPerson.DAVE.chatId(), s -> s.update() && s.activityId().equals(copy)
                && s.card().toString().contains("Cancelled") && !s.card().toString().contains("\"verb\":\"approve\""));
    }

    @Test
    void a_bot_connector_outage_is_retried_until_the_approval_card_is_delivered() {
        CONNECTOR.failNextPosts(TeamsPerson.DAVE.chatId(), 2, 503);
        long toldBefore = approvalAskedMessages(TeamsPerson.BOB);

        say(TeamsPerson.BOB, "request tier0-admins for 1h because outage drill");

        awaitApprovalCard(TeamsPerson.DAVE, "outage drill");
        awaitApprovalCard(TeamsPerson.CAROL, "outage drill");
        assertThat(CONNECTOR.sentTo(TeamsPerson.CAROL.chatId()).stream()
                .filter(s -> !s.update() && cardMentions(s, "outage drill"))).hasSize(1);
        assertThat(approvalAskedMessages(TeamsPerson.BOB)).as("the requester is told once despite the retries")
                .isEqualTo(toldBefore + 1);
    }

    @Test
    void a_permanent_refusal_is_not_retried_and_the_others_are_still_told() {
        CONNECTOR.failNextPosts(TeamsPerson.DAVE.chatId(), 1, 403);

        say(TeamsPerson.BOB, "request tier0-admins for 1h because blocked approver");

        awaitApprovalCard(TeamsPerson.CAROL, "blocked approver");
        awaitSent(TeamsPerson.BOB.chatId(), s -> s.text().contains("Approval of your request"));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> CONNECTOR
                .sentTo(TeamsPerson.DAVE.chatId()).stream().noneMatch(s -> cardMentions(s, "blocked approver")));
    }

    private static long approvalAskedMessages(TeamsPerson requester) {
        return CONNECTOR.sentTo(requester.chatId()).stream().filter(s -> s.text().contains("Approval of your request"))
                .count();
    }

    private JsonNode tapAfter(CountDownLatch start, TeamsPerson who, String requestId) throws InterruptedException {
        start.await();
        return tap(who, "approve", requestId);
    }

    private static JsonNode get(Future<JsonNode> f) {
        try {
            return f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
