package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.Dn;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Activation, expiry, status buttons, extend and deactivate, and a subscribed channel's feed. */
class LifecycleTest extends BotScenario {

    static final Dn HELPDESK_OPS = Dn.parse("CN=JIT Helpdesk Ops,OU=Privileged,DC=corp,DC=example");
    static final String OPS_CHANNEL = "19:ops-feed@thread.tacv2";

    @Test
    void full_flow_effective_then_expired_with_requester_and_channel_told() {
        String subscribed = post(TeamsActivities.channelMessage(TeamsPerson.FRANK, OPS_CHANNEL,
                "subscribe helpdesk", CONNECTOR.url()), null).statusCode() + "";
        assertThat(subscribed).isEqualTo("202");
        assertThat(CONNECTOR.sentTo(OPS_CHANNEL)).anySatisfy(s -> assertThat(s.text()).contains("Subscribed"));
        Account alice = directory.findUser(TeamsPerson.ALICE.upn()).orElseThrow();

        String reply = say(TeamsPerson.ALICE, "request helpdesk for 4s").get(0).text();

        assertThat(reply).contains("Approved", "JIT Helpdesk Ops");
        awaitSent(TeamsPerson.ALICE.chatId(), s -> s.text().contains("effective in AD now"));
        awaitSent(OPS_CHANNEL, s -> s.text().contains("Activated: Alice Adams"));
        assertThat(membership.isDirectMember(alice.memberRef(), HELPDESK_OPS)).isTrue();

        awaitSent(TeamsPerson.ALICE.chatId(), s -> s.text().contains("has ended and was removed in AD"));
        awaitSent(OPS_CHANNEL, s -> s.text().contains("Expired: Alice Adams"));
        assertThat(membership.isDirectMember(alice.memberRef(), HELPDESK_OPS)).isFalse();
    }

    @Test
    void status_extend_and_deactivate_by_command() {
        Account bob = directory.findUser(TeamsPerson.BOB.upn()).orElseThrow();
        say(TeamsPerson.BOB, "request helpdesk for 30m");
        awaitSent(TeamsPerson.BOB.chatId(), s -> s.text().contains("effective in AD now"));

        FakeBotConnector.Sent status = say(TeamsPerson.BOB, "status").get(0);
        assertThat(status.card().toString()).contains("JIT Helpdesk Ops: active", "\"verb\":\"deactivate\"",
                "\"verb\":\"extend\"");

        assertThat(say(TeamsPerson.BOB, "extend helpdesk by 30m").get(0).text()).contains("now lasts until");
        assertThat(say(TeamsPerson.BOB, "extend helpdesk by 5h").get(0).text()).contains("at most 2h");
        assertThat(say(TeamsPerson.BOB, "deactivate helpdesk").get(0).text()).contains("Ended your membership");

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !membership.isDirectMember(bob.memberRef(), HELPDESK_OPS));
        assertThat(say(TeamsPerson.BOB, "deactivate helpdesk").get(0).text()).contains("no active request");
    }

    @Test
    void expiring_soon_offers_extend_and_the_tap_extends() {
        String reply = say(TeamsPerson.ALICE, "request helpdesk for 30m").get(0).text();
        assertThat(reply).contains("Approved");

        FakeBotConnector.Sent warning = awaitSent(TeamsPerson.ALICE.chatId(), s -> cardMentions(s, "ends soon"));
        String requestId = warning.card().path("actions").path(0).path("data").path("requestId").asText();
        assertThat(warning.card().toString()).contains("\"verb\":\"extend\"");

        String extended = tap(TeamsPerson.ALICE, "extend", FakeBotConnector.MAPPER.createObjectNode()
                .put("requestId", requestId).put("by", "30m")).toString();

        assertThat(extended).contains("now lasts until");
        assertThat(say(TeamsPerson.ALICE, "deactivate helpdesk").get(0).text()).contains("Ended your membership");
    }

    @Test
    void the_form_submits_through_an_action_execute_tap() {
        var data = FakeBotConnector.MAPPER.createObjectNode().put("group", "server-admins").put("duration", "1h")
                .put("justification", "form request").put("ticket", "bad-ticket");

        String refused = tap(TeamsPerson.BOB, "submitRequest", data).toString();
        assertThat(refused).contains("is not a ticket id of the required shape", "INC123456", "submitRequest");

        String accepted = tap(TeamsPerson.BOB, "submitRequest", data.put("ticket", "INC000042")).toString();
        assertThat(accepted).contains("Submitted", "Pending approval (0 of 1)");
    }

    @Test
    void playground_users_sharing_one_personal_chat_are_each_reached() {
        String shared = "personal-chat-playground-" + System.nanoTime();
        TeamsPerson alice = new TeamsPerson("user-id-alice", "00000000-0000-0000-0000-000000001101",
                "alice@corp.example", "Alice Adams", shared);
        TeamsPerson sofia = new TeamsPerson("user-id-sofia", "00000000-0000-0000-0000-000000001108",
                "sofia@corp.example", "Sofia Stone", shared);
        CONNECTOR.addPlaygroundMember(alice.userId(), alice.aadObjectId(), alice.upn(), alice.name());
        CONNECTOR.addPlaygroundMember(sofia.userId(), sofia.aadObjectId(), sofia.upn(), sofia.name());
        say(sofia, "help");

        say(alice, "request server-admins for 1h because playground ticket INC135790");
        FakeBotConnector.Sent card = awaitSent(shared, s -> cardMentions(s, "playground")
                && cardMentions(s, "\"verb\":\"approve\""));
        String requestId = card.card().path("actions").path(0).path("data").path("requestId").asText();
        tap(sofia, "approve", requestId);

        awaitSent(shared, s -> s.text().contains("effective in AD now"));
        assertThat(say(alice, "deactivate server-admins").get(0).text()).contains("Ended your membership");
    }

    @Test
    void channel_commands_other_than_subscribe_are_redirected_to_a_personal_chat() {
        post(TeamsActivities.channelMessage(TeamsPerson.ALICE, OPS_CHANNEL, "status", CONNECTOR.url()), null);

        assertThat(CONNECTOR.sentTo(OPS_CHANNEL)).anySatisfy(s -> assertThat(s.text()).contains("1:1 chat"));
    }
}
