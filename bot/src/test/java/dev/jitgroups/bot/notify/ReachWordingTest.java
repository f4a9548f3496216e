package dev.jitgroups.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.bot.notify.ReachWording.Line;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the requester reads about who has the approval card: nobody is named as asked who does not have it. */
class ReachWordingTest {

    static final ReachWording.About TIER0 = new ReachWording.About("JIT Tier0 Admins", Duration.ofHours(1), 2,
            Instant.parse("2026-11-30T04:00:00Z"));
    static final Line CAROL = new Line("S-1-5-21-1-2-3-1103", Line.ASKED, "Carol Clark", null);
    static final Line DAVE = new Line("S-1-5-21-1-2-3-1104", Line.UNREACHABLE, "Dave Davis", Unreachable.NOT_INSTALLED);

    @Test
    void only_approvers_who_have_the_card_are_named_as_asked_and_the_others_with_the_reason() {
        String text = ReachWording.message(TIER0, List.of(CAROL, DAVE), true, 1, false);

        assertThat(text).isEqualTo("Approval of your request for **JIT Tier0 Admins** (1h) was asked of: Carol Clark. It "
                + "needs 2 approval(s). Dave Davis could not be reached in Teams: the app is not installed for them and "
                + "Microsoft Graph is not configured to install it.");
    }

    @Test
    void with_nobody_asked_and_no_channel_the_requester_learns_what_to_do_and_when_it_times_out() {
        String text = ReachWording.message(TIER0, List.of(DAVE), true, 0, false);

        assertThat(text).startsWith("Your request for **JIT Tier0 Admins** could not be sent to any approver 1:1.")
                .contains("Dave Davis could not be reached", "send `pending`", "2026-11-30 04:00 UTC")
                .doesNotContain("asked of");
    }

    @Test
    void a_channel_with_the_card_is_named_as_where_approvers_decide() {
        String text = ReachWording.message(TIER0, List.of(DAVE), true, 0, true);

        assertThat(text).contains("The approval card is also in the group's Teams channel").doesNotContain("pending");
    }

    @Test
    void later_news_says_who_was_asked_too_and_who_is_still_being_tried() {
        Line erin = new Line("S-1-5-21-1-2-3-1105", Line.TRYING, "Erin *Evans*", Unreachable.GRAPH_DOWN);

        String text = ReachWording.message(TIER0, List.of(new Line(DAVE.accountId(), Line.ASKED, "Dave Davis", null),
                erin), false, 2, false);

        assertThat(text).isEqualTo("Approval of your request for **JIT Tier0 Admins** was also asked of: Dave Davis. "
                + "Erin \u2217Evans\u2217 could not be reached in Teams yet (Microsoft Graph did not answer); I keep trying.");
    }

    @Test
    void a_group_without_any_approver_says_so() {
        Line nobody = new Line(Line.NOBODY, Line.UNREACHABLE, "", Unreachable.NO_APPROVER);

        assertThat(ReachWording.message(TIER0, List.of(nobody), true, 0, false)).contains("Nobody was asked: no approver "
                + "of the group was found in Active Directory.");
    }
}
