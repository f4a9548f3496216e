package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.databind.JsonNode;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What each person is told, message by message, through a request's life: every fact once, in the order it happened,
 * and nothing about what they did themselves beyond the answer to it. Cards redrawn in place are not messages.
 */
class WhatEachPersonHearsTest extends BotScenario {

    private static final List<TeamsPerson> EVERYONE = List.of(TeamsPerson.ALICE, TeamsPerson.BOB, TeamsPerson.CAROL,
            TeamsPerson.DAVE, TeamsPerson.SOFIA);

    @DynamicPropertySource
    static void shortWarning(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:bot-hearing;DB_CLOSE_DELAY=-1");
        registry.add("jit.expiry-warning", () -> "3s");
    }

    private Map<TeamsPerson, Integer> mark;

    @BeforeEach
    void everyoneHasAChatAndNothingToldYet() {
        EVERYONE.forEach(p -> say(p, "help"));
        mark = EVERYONE.stream().collect(Collectors.toMap(Function.identity(), p -> CONNECTOR.sentTo(p.chatId())
                .size()));
    }

    @Test
    void one_approval_through_the_expiry_warning_to_the_end() {
        say(TeamsPerson.ALICE, "request server-admins for 8s because hearing one ticket INC100001");
        FakeBotConnector.Sent card = awaitApprovalCard(TeamsPerson.CAROL, "hearing one");
        String requestId = requestIdOf(card);
        awaitTold(TeamsPerson.ALICE, "was asked of");
        tapOn(card, TeamsPerson.CAROL, "approve", requestId);
        awaitTold(TeamsPerson.ALICE, "has ended");

        assertHeard(TeamsPerson.ALICE, "Submitted: **JIT Server Admins** for 8s",
                "was asked of: Carol Clark, Sofia Stone. It needs 1 approval",
                "was approved by Carol Clark. Adding you in Active Directory now",
                "is effective in AD now", "[card] JIT Server Admins ends soon", "has ended and was removed in AD");
        assertHeard(TeamsPerson.CAROL, "[card] Access request: JIT Server Admins");
        assertHeard(TeamsPerson.SOFIA, "[card] Access request: JIT Server Admins");
        assertHeard(TeamsPerson.BOB);
        assertHeard(TeamsPerson.DAVE);
    }

    @Test
    void two_approvals_extended_then_ended_by_the_requester() {
        say(TeamsPerson.BOB, "request tier0-admins for 1h because hearing two");
        FakeBotConnector.Sent carols = awaitApprovalCard(TeamsPerson.CAROL, "hearing two");
        String requestId = requestIdOf(carols);
        FakeBotConnector.Sent daves = awaitApprovalCard(TeamsPerson.DAVE, "hearing two");
        awaitTold(TeamsPerson.BOB, "was asked of");
        tapOn(carols, TeamsPerson.CAROL, "approve", requestId);
        awaitTold(TeamsPerson.BOB, "needs 1 more approval");
        tapOn(daves, TeamsPerson.DAVE, "approve", requestId);
        awaitTold(TeamsPerson.BOB, "effective in AD now");
        say(TeamsPerson.BOB, "extend tier0-admins by 30m");
        say(TeamsPerson.BOB, "deactivate tier0-admins");
        awaitStatus(requestId, RequestStatus.REVOKED);
        quietForAMoment();

        assertHeard(TeamsPerson.BOB, "Submitted: **JIT Tier0 Admins** for 1h",
                "was asked of: Carol Clark, Dave Davis. It needs 2 approval",
                "Carol Clark approved your request for **JIT Tier0 Admins**; it needs 1 more approval",
                "was approved by Carol Clark and Dave Davis. Adding you", "is effective in AD now",
                "now lasts until", "Ended your membership of **JIT Tier0 Admins**");
        assertHeard(TeamsPerson.CAROL, "[card] Access request: JIT Tier0 Admins");
        assertHeard(TeamsPerson.DAVE, "[card] Access request: JIT Tier0 Admins");
        assertHeard(TeamsPerson.ALICE);
        assertHeard(TeamsPerson.SOFIA);
    }

    @Test
    void denied_then_asked_again_and_cancelled() {
        say(TeamsPerson.ALICE, "request tier0-admins for 1h because hearing deny");
        FakeBotConnector.Sent carols = awaitApprovalCard(TeamsPerson.CAROL, "hearing deny");
        awaitTold(TeamsPerson.ALICE, "was asked of");
        tapOn(carols, TeamsPerson.CAROL, "deny", FakeBotConnector.MAPPER.createObjectNode()
                .put("requestId", requestIdOf(carols)).put("comment", "not today"));
        awaitTold(TeamsPerson.ALICE, "was denied");
        say(TeamsPerson.ALICE, "request tier0-admins for 1h because hearing cancel");
        String again = requestIdOf(awaitApprovalCard(TeamsPerson.DAVE, "hearing cancel"));
        awaitTold(TeamsPerson.ALICE, "was asked of");
        say(TeamsPerson.ALICE, "cancel tier0-admins");
        awaitStatus(again, RequestStatus.CANCELLED);
        quietForAMoment();

        assertHeard(TeamsPerson.ALICE, "Submitted: **JIT Tier0 Admins**", "was asked of: Carol Clark, Dave Davis",
                "was denied by Carol Clark: not today", "Submitted: **JIT Tier0 Admins**",
                "was asked of: Carol Clark, Dave Davis", "Cancelled your request for **JIT Tier0 Admins**");
        assertHeard(TeamsPerson.CAROL, "[card] Access request: JIT Tier0 Admins",
                "[card] Access request: JIT Tier0 Admins");
        assertHeard(TeamsPerson.DAVE, "[card] Access request: JIT Tier0 Admins",
                "[card] Access request: JIT Tier0 Admins");
        assertHeard(TeamsPerson.BOB);
    }

    /** Waits until the person was told something new that contains the text. */
    private void awaitTold(TeamsPerson p, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> heard(p).stream().anyMatch(m -> m.contains(text)));
    }

    /** Gives a late, unwanted message the time to arrive (the notices of a change go out within a second). */
    private static void quietForAMoment() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The person was told exactly these messages since the test began, in this order (each contains its text). */
    private void assertHeard(TeamsPerson p, String... texts) {
        List<String> heard = heard(p);
        assertThat(heard).as(p.name() + " heard").hasSize(texts.length);
        for (int i = 0; i < texts.length; i++) {
            assertThat(heard.get(i)).as(p.name() + "'s message " + (i + 1)).contains(texts[i]);
        }
    }

    /** What the person was told since the test began: each new message (text, or a card's first line). */
    private List<String> heard(TeamsPerson p) {
        List<FakeBotConnector.Sent> sent = CONNECTOR.sentTo(p.chatId());
        List<String> out = new ArrayList<>();
        for (FakeBotConnector.Sent s : sent.subList(mark.get(p), sent.size())) {
            if (!s.update()) {
                out.add(s.isCard() ? "[card] " + firstText(s.card()) : s.text());
            }
        }
        return out;
    }

    private static String firstText(JsonNode card) {
        if (card.path("type").asText().equals("TextBlock")) {
            return card.path("text").asText();
        }
        for (JsonNode child : card) {
            String t = firstText(child);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
