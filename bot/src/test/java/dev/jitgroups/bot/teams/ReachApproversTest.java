package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.ChatPartner;
import dev.jitgroups.bot.notify.ConversationStore;
import dev.jitgroups.bot.notify.DeliveryException;
import dev.jitgroups.bot.notify.PersonalChats;
import dev.jitgroups.core.request.RequestId;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Approvers who never wrote to the bot, without Microsoft Graph: bound when they install the app, reached through the
 * roster of a team the bot is in, and otherwise named to the requester at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReachApproversTest extends ReachScenario {

    @Autowired
    PersonalChats chats;
    @Autowired
    ConversationStore conversations;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("jit.test.database", () -> "bot-reach");
    }

    @Test
    void an_approver_who_only_installed_the_app_gets_the_approval_card_1to1() {
        deliver(TeamsActivities.personalInstall(TeamsPerson.DAVE, CONNECTOR.url()));
        deliver(TeamsActivities.installationUpdate(TeamsPerson.CAROL, "add", CONNECTOR.url()));

        say(TeamsPerson.BOB, "request tier0-admins for 1h because installed but never wrote");

        FakeBotConnector.Sent card = awaitApprovalCard(TeamsPerson.DAVE, "installed but never wrote");
        assertThat(card.card().path("refresh").path("userIds").toString()).contains(TeamsPerson.DAVE.aadObjectId());
        awaitApprovalCard(TeamsPerson.CAROL, "installed but never wrote");
        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "asked of").text()).contains("Carol Clark", "Dave Davis")
                .doesNotContain("could not be reached");
        assertThat(CONNECTOR.created()).isEmpty();
    }

    @Test
    void an_approver_known_only_from_a_team_roster_gets_the_card_in_a_1to1_chat_the_bot_creates() {
        String team = "19:roster-" + System.nanoTime() + "@thread.tacv2";
        for (TeamsPerson p : List.of(TeamsPerson.FRANK, TeamsPerson.CAROL, TeamsPerson.ERIN, TeamsPerson.DAVE,
                TeamsPerson.ALICE)) {
            CONNECTOR.addTeamMember(team, p);
        }
        deliver(TeamsActivities.teamInstall(TeamsPerson.FRANK, team, CONNECTOR.url()));

        say(TeamsPerson.BOB, "request tier0-admins for 1h because known from the roster");

        FakeBotConnector.Sent card = awaitCardIn(createdChatOf(TeamsPerson.CAROL.userId()), "known from the roster");
        awaitCardIn(createdChatOf(TeamsPerson.DAVE.userId()), "known from the roster");
        assertThat(card.card().path("refresh").path("userIds").toString()).contains(TeamsPerson.CAROL.aadObjectId());
        assertThat(CONNECTOR.created()).extracting(FakeBotConnector.Created::memberId)
                .containsExactlyInAnyOrder(TeamsPerson.CAROL.userId(), TeamsPerson.DAVE.userId());
        assertThat(CONNECTOR.created()).allSatisfy(c -> {
            assertThat(c.parameters().path("bot").path("id").asText()).isEqualTo(TeamsActivities.BOT_ID);
            assertThat(c.parameters().path("tenantId").asText()).isEqualTo(TeamsActivities.TENANT);
            assertThat(c.parameters().path("channelData").path("tenant").path("id").asText())
                    .isEqualTo(TeamsActivities.TENANT);
            assertThat(c.parameters().path("isGroup").asBoolean(true)).isFalse();
            assertThat(c.authorization()).startsWith("Bearer ");
        });
        assertThat(rosterReads(team)).as("five members, two a page").hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("continuationToken=page-4"));
        assertThat(CONNECTOR.rosterAuthorizations()).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith("Bearer "));
        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "asked of").text()).contains("Carol Clark", "Dave Davis");

        say(TeamsPerson.ALICE, "request tier0-admins for 1h because the roster is remembered");

        awaitCardIn(createdChatOf(TeamsPerson.DAVE.userId()), "the roster is remembered");
        assertThat(rosterReads(team)).as("chats and members are stored; no roster is read per notice").hasSize(3);
        assertThat(CONNECTOR.created()).hasSize(2);
    }

    @Test
    void an_approver_in_no_roster_is_named_to_the_requester_at_once_logged_and_audited(CapturedOutput log) {
        String team = "19:carol-only-" + System.nanoTime() + "@thread.tacv2";
        CONNECTOR.addTeamMember(team, TeamsPerson.CAROL);
        deliver(TeamsActivities.teamInstall(TeamsPerson.CAROL, team, CONNECTOR.url()));

        say(TeamsPerson.ALICE, "request server-admins for 1h because sofia is nowhere ticket INC100001");

        String requestId = requestIdOf(awaitCardIn(createdChatOf(TeamsPerson.CAROL.userId()), "sofia is nowhere"));
        String told = awaitToldAboutApprovers(TeamsPerson.ALICE, "Sofia Stone").text();
        assertThat(told).contains("was asked of: Carol Clark.", "Sofia Stone could not be reached in Teams: they have not "
                + "used JIT Groups in Teams").doesNotContain("asked of: Carol Clark, Sofia Stone");
        assertThat(audit.contains(requestId, "approver.unreachable", "failed")).isTrue();
        assertThat(log.getOut()).contains("Sofia Stone (sofia@corp.example)", requestId);

        say(TeamsPerson.BOB, "request server-admins for 1h because sofia is still nowhere ticket INC100002");

        awaitToldAboutApprovers(TeamsPerson.BOB, "Sofia Stone could not be reached");
        assertThat(rosterReads(team)).as("a roster read minutes ago is not read again").hasSize(1);
    }

    @Test
    void a_team_member_teams_will_not_open_a_chat_with_is_named_with_that_reason() {
        String team = "19:refused-" + System.nanoTime() + "@thread.tacv2";
        CONNECTOR.addTeamMember(team, TeamsPerson.CAROL);
        CONNECTOR.addTeamMember(team, TeamsPerson.SOFIA);
        deliver(TeamsActivities.teamInstall(TeamsPerson.CAROL, team, CONNECTOR.url()));
        CONNECTOR.refuseChatsWith(TeamsPerson.SOFIA.userId(), 403);
        try {
            say(TeamsPerson.ALICE, "request server-admins for 1h because sofia refuses ticket INC100003");

            awaitCardIn(createdChatOf(TeamsPerson.CAROL.userId()), "sofia refuses");
            assertThat(awaitToldAboutApprovers(TeamsPerson.ALICE, "Sofia Stone").text()).contains("was asked of: "
                    + "Carol Clark.", "Sofia Stone could not be reached in Teams: Teams refused to open a chat with them.");
        } finally {
            CONNECTOR.allowChatsWith(TeamsPerson.SOFIA.userId());
        }
    }

    @Test
    void with_nobody_reachable_1to1_the_card_goes_to_the_groups_channel_and_the_requester_is_told_where() {
        String channel = "19:tier0-approvals-" + System.nanoTime() + "@thread.tacv2";
        send(TeamsActivities.channelMessage(TeamsPerson.CAROL, channel, "subscribe tier0-admins", CONNECTOR.url()));
        awaitSent(channel, s -> s.text().contains("ubscribed"));

        say(TeamsPerson.BOB, "request tier0-admins for 1h because only the channel");

        awaitSent(channel, s -> !s.update() && cardMentions(s, "only the channel"));
        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "could not be reached").text())
                .contains("could not be sent to any approver 1:1", "Carol Clark could not be reached",
                        "Dave Davis could not be reached", "also in the group's Teams channel")
                .doesNotContain("was asked of");
    }

    @Test
    void with_nobody_reachable_at_all_the_requester_is_told_what_to_do() {
        say(TeamsPerson.BOB, "request tier0-admins for 1h because nobody anywhere");

        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "could not be reached").text())
                .contains("Carol Clark could not be reached", "Dave Davis could not be reached",
                        "Nobody has the approval card yet", "send `pending`", "times out");
    }

    @Test
    void an_approver_who_installs_the_app_later_is_greeted_with_what_waits_for_them() {
        say(TeamsPerson.BOB, "request tier0-admins for 1h because waiting for the install");
        awaitToldAboutApprovers(TeamsPerson.BOB, "could not be reached");

        deliver(TeamsActivities.personalInstall(TeamsPerson.DAVE, CONNECTOR.url()));

        List<FakeBotConnector.Sent> greeting = CONNECTOR.sentTo(TeamsPerson.DAVE.chatId());
        assertThat(greeting).hasSize(3);
        assertThat(greeting.get(0).text()).startsWith("Hello, I am JIT Groups");
        assertThat(greeting.get(1).text()).isEqualTo("1 request waits for your decision:");
        FakeBotConnector.Sent card = greeting.get(2);
        assertThat(card.card().toString()).contains("waiting for the install", "\"verb\":\"approve\"",
                TeamsPerson.DAVE.aadObjectId());
        String requestId = requestIdOf(card);

        assertThat(tapOn(card, TeamsPerson.DAVE, "approve", requestId).toString()).contains("You approved",
                "(1 of 2)");
        say(TeamsPerson.CAROL, "status");
        List<FakeBotConnector.Sent> carols = CONNECTOR.sentTo(TeamsPerson.CAROL.chatId());
        assertThat(carols).extracting(FakeBotConnector.Sent::text).containsSubsequence(
                "You have no pending or active requests. Send `request` to ask for access.",
                "1 request waits for your decision:");
        FakeBotConnector.Sent carolsCard = carols.get(carols.size() - 1);
        assertThat(carolsCard.card().toString()).contains("waiting for the install", "(1 of 2)");
        assertThat(say(TeamsPerson.CAROL, "status")).hasSize(1);

        tapOn(carolsCard, TeamsPerson.CAROL, "approve", requestId);

        awaitSent(TeamsPerson.DAVE.chatId(), s -> s.update() && s.activityId().equals(card.activityId())
                && cardMentions(s, "Active in Active Directory"));
        ending.deactivate(RequestId.parse(requestId), account(TeamsPerson.BOB));
    }

    @Test
    void teams_down_while_opening_chats_is_retried_and_nobody_gets_a_card_twice() {
        String team = "19:outage-" + System.nanoTime() + "@thread.tacv2";
        CONNECTOR.addTeamMember(team, TeamsPerson.CAROL);
        CONNECTOR.addTeamMember(team, TeamsPerson.DAVE);
        deliver(TeamsActivities.teamInstall(TeamsPerson.CAROL, team, CONNECTOR.url()));
        CONNECTOR.failNextCreates(3, 503);

        say(TeamsPerson.BOB, "request tier0-admins for 1h because chats during an outage");

        String carol = createdChatOf(TeamsPerson.CAROL.userId());
        String dave = createdChatOf(TeamsPerson.DAVE.userId());
        awaitCardIn(carol, "chats during an outage");
        awaitCardIn(dave, "chats during an outage");
        assertThat(awaitToldAboutApprovers(TeamsPerson.BOB, "asked of").text()).contains("Carol Clark", "Dave Davis");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                cardsIn(carol, "chats during an outage") == 1 && cardsIn(dave, "chats during an outage") == 1
                && CONNECTOR.sentTo(TeamsPerson.BOB.chatId()).stream().filter(s -> s.text().contains("asked of")
                        && s.text().contains("JIT Tier0 Admins")).count() == 1);
    }

    @Test
    void no_chat_is_opened_in_a_tenant_that_is_not_allowed() {
        deliver(TeamsActivities.personalInstall(TeamsPerson.CAROL, CONNECTOR.url()));
        Address carol = conversations.personalChatOf(account(TeamsPerson.CAROL).id()).orElseThrow();

        assertThatThrownBy(() -> chats.create(carol, new ChatPartner("29:mallory", null, "S-1-5-21-1-2-3-4242",
                "0badc0de-0000-0000-0000-000000000000"))).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("not in jit.bot.allowed-tenants");
        assertThat(CONNECTOR.requests()).doesNotContain("POST /v3/conversations");
    }
}
