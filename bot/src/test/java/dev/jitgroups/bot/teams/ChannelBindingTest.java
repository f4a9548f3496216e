package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A group's feed goes to the channel bound to it by id (by {@code subscribe} in that channel, by an approver or
 * admin), never to a channel that merely has the name given in {@code notify-channel}: any team the bot is in could
 * name a channel that way.
 */
class ChannelBindingTest extends BotScenario {

    @Test
    void a_channel_in_another_team_named_like_the_notify_channel_gets_nothing_and_the_bound_channel_keeps_getting_it() {
        String bound = "19:bound-" + System.nanoTime() + "@thread.tacv2";
        String lookalike = "19:lookalike-" + System.nanoTime() + "@thread.tacv2";
        post(TeamsActivities.channelMessage(TeamsPerson.DAVE, "19:team-security@thread.tacv2", bound, "tier0-feed",
                "subscribe tier0-admins", CONNECTOR.url()), null);
        assertThat(CONNECTOR.sentTo(bound)).anySatisfy(s -> assertThat(s.text()).contains("Subscribed"));
        // someone adds the bot to their own team, which has a channel called like the policy's notify-channel
        post(TeamsActivities.channelMessage(TeamsPerson.ALICE, "19:team-elsewhere@thread.tacv2", lookalike,
                "tier0-feed", "help", CONNECTOR.url()), null);
        CONNECTOR.clear();

        say(TeamsPerson.BOB, "request tier0-admins for 1h because bound channel only");

        awaitSent(bound, s -> cardMentions(s, "bound channel only"));
        assertThat(CONNECTOR.sentTo(lookalike)).isEmpty();
    }

    @Test
    void only_an_approver_or_admin_of_the_group_can_bind_a_channel_to_it() {
        String channel = "19:not-bound-" + System.nanoTime() + "@thread.tacv2";

        say(TeamsPerson.CAROL, "help");
        post(TeamsActivities.channelMessage(TeamsPerson.ALICE, "19:team-elsewhere@thread.tacv2", channel, "tier0-feed",
                "subscribe tier0-admins", CONNECTOR.url()), null);
        say(TeamsPerson.BOB, "request tier0-admins for 1h because not bound by a requester");

        awaitSent(TeamsPerson.CAROL.chatId(), s -> cardMentions(s, "not bound by a requester"));
        assertThat(CONNECTOR.sentTo(channel)).singleElement().satisfies(s -> assertThat(s.text())
                .contains("Only approvers of"));
    }
}
