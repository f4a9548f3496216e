package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chat commands over /api/messages, answered into the same 1:1 chat. */
class ChatCommandsTest extends BotScenario {

    @Test
    void help_lists_the_commands() {
        List<FakeBotConnector.Sent> replies = say(TeamsPerson.ALICE, "help");

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).contains("`request`", "`status`", "`pending`", "`extend GROUP by 1h`")
                .doesNotContain("<", "&lt;");
    }

    @Test
    void unknown_input_gets_help_with_the_closest_command() {
        List<FakeBotConnector.Sent> replies = say(TeamsPerson.ALICE, "stauts");

        assertThat(replies.get(0).text()).contains("I don't know `stauts`", "Did you mean `status`?", "`request`");
    }

    @Test
    void groups_lists_what_the_user_may_request_with_the_rules() {
        String reply = say(TeamsPerson.ALICE, "groups").get(0).text();

        assertThat(reply).contains("`tier0-admins`", "2 approvals", "`server-admins`", "a ticket like INC123456",
                "`helpdesk`", "no approval");
    }

    @Test
    void request_without_arguments_asks_for_the_group_then_shows_that_groups_form() {
        FakeBotConnector.Sent reply = say(TeamsPerson.ALICE, "request").get(0);

        assertThat(reply.isCard()).isTrue();
        assertThat(reply.card().toString()).contains("tier0-admins", "server-admins", "helpdesk", "requestForm");
        String form = tap(TeamsPerson.ALICE, "requestForm", FakeBotConnector.MAPPER.createObjectNode()
                .put("group", "helpdesk")).toString();
        assertThat(form).contains("Request JIT Helpdesk Ops", "submitRequest", "\"group\":\"helpdesk\"", "30m")
                .doesNotContain("\"id\":\"ticket\"");
        String server = tap(TeamsPerson.ALICE, "requestForm", FakeBotConnector.MAPPER.createObjectNode()
                .put("group", "server-admins")).toString();
        assertThat(server).contains("\"id\":\"ticket\"", "e.g. INC123456", "\"value\":\"2h\"");
    }

    @Test
    void a_request_for_an_unknown_group_lists_the_groups_one_may_request() {
        String reply = say(TeamsPerson.ALICE, "request domain-admins for 1h because test").get(0).text();

        assertThat(reply).contains("no managed group called `domain-admins`", "You may request", "`tier0-admins`");
    }

    @Test
    void a_request_longer_than_allowed_says_the_maximum() {
        String reply = say(TeamsPerson.ALICE, "request helpdesk for 9h").get(0).text();

        assertThat(reply).contains("at most 2h");
    }

    @Test
    void a_request_without_the_ticket_says_the_expected_pattern() {
        String reply = say(TeamsPerson.ALICE, "request server-admins for 1h because patching").get(0).text();

        assertThat(reply).contains("needs a ticket", "`ticket INC123456`").doesNotContain("\\d");
    }

    @Test
    void a_bad_duration_is_explained() {
        String reply = say(TeamsPerson.ALICE, "request helpdesk for soon").get(0).text();

        assertThat(reply).contains("not a duration", "2h");
    }
}
