package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Limits that protect approvers and the system from what people type: how many requests one person may submit,
 * how long a duration or a ticket id may be, and one decision per approver.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"jit.request-limit.max=3",
    "jit.request-limit.per=1h", "spring.datasource.url=jdbc:h2:mem:core-limits;DB_CLOSE_DELAY=-1"})
class RequestLimitsTest extends WorkflowTestSupport {

    @Test
    void a_person_may_submit_only_so_many_requests_in_the_period_whatever_became_of_them() {
        // alice submits nowhere else in this class; bob submits three times in all, within the limit
        for (int i = 0; i < 3; i++) {
            AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("alice"), "tier0-admins",
                    Duration.ofHours(1), "attempt " + i, "INC123456")));
            ending.cancel(r.id(), user("alice"));
        }

        Outcome fourth = requesting.submit(new SubmitCommand(user("alice"), "tier0-admins", Duration.ofHours(1),
                "one more", "INC123456"));

        assertThat(refused(fourth).refusal()).isEqualTo(new Refusal.TooManyRequests(3, Duration.ofHours(1)));
        assertThat(requesting.submit(new SubmitCommand(user("bob"), "helpdesk", null, null, null)).isDone()).isTrue();
    }

    @Test
    void an_approver_who_approved_cannot_deny_afterwards_and_the_approval_stands() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "tier0-admins",
                Duration.ofHours(1), "two approvals", "INC123456")));
        deciding.decide(new DecideCommand(r.id(), user("carol"), true, "fine"));

        Outcome deny = deciding.decide(new DecideCommand(r.id(), user("carol"), false, "changed my mind"));

        assertThat(refused(deny).refusal()).isEqualTo(new Refusal.AlreadyDecided(true));
        AccessRequest now = store.find(r.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(now.approvals()).hasSize(1);
        ending.cancel(r.id(), user("bob"));
    }

    @Test
    void an_over_long_comment_is_refused_and_nothing_is_recorded() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "server-admins", null, null,
                null)));

        Outcome approve = deciding.decide(new DecideCommand(r.id(), user("carol"), true, "x".repeat(501)));

        assertThat(refused(approve).refusal()).isEqualTo(new Refusal.CommentTooLong(500));
        assertThat(store.find(r.id()).orElseThrow().approvals()).isEmpty();
        ending.cancel(r.id(), user("bob"));
    }

    @Test
    void an_over_long_ticket_id_is_refused_naming_the_limit() {
        Outcome r = requesting.submit(new SubmitCommand(user("erin"), "tier0-admins", Duration.ofHours(1), "x",
                "INC" + "1".repeat(200)));

        assertThat(refused(r).refusal()).isEqualTo(new Refusal.TicketTooLong(100));
    }

    @Test
    void durations_beyond_any_grant_are_refused_as_text_not_as_an_overflow() {
        List<String> absurd = List.of("106751991167301d", "9999999999999d", "99999999999999999999999h",
                "PT9999999999999H", "3651d");
        for (String text : absurd) {
            assertThatThrownBy(() -> DurationText.parse(text))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        }
        assertThat(DurationText.parse("3650d")).isEqualTo(Duration.ofDays(3650));
    }
}
