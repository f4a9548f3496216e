package dev.jitgroups.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each request rule on its own, without Spring: gates first, then every problem with the details at once. */
class RequestRulesTest {

    static final Account BOB = new Account("S-1-5-21-9-1102", "CN=bob", "bob@corp", "bob", "Bob", true);
    static final GroupPolicy TIER0 = policy("tier0-admins", true, new TicketRule(true,
            Optional.of(Pattern.compile("INC\\d{6}"))));
    static final GroupPolicy HELPDESK = policy("helpdesk", false, TicketRule.NONE);
    static final Refusal.Group TIER0_LABEL = new Refusal.Group("tier0-admins", "tier0-admins display");

    @Test
    void a_complete_request_passes() {
        assertThat(RequestRules.check(submission(BOB, "tier0-admins", Duration.ofHours(1), "why", "INC123456",
                List.of(), 0))).isEmpty();
    }

    @Test
    void a_disabled_account_is_refused_before_anything_else() {
        Account disabled = new Account(BOB.id(), BOB.dn(), BOB.userPrincipalName(), "bob", "Bob", false);
        assertThat(RequestRules.check(submission(disabled, "no-such-group", null, null, null, List.of(), 99)))
                .contains(new Refusal.AccountDisabled());
    }

    @Test
    void the_request_limit_comes_before_the_group() {
        assertThat(RequestRules.check(submission(BOB, "tier0-admins", Duration.ofHours(1), "why", "INC123456",
                List.of(), 10))).contains(new Refusal.TooManyRequests(10, Duration.ofHours(1)));
    }

    @Test
    void an_unknown_group_lists_what_may_be_requested_and_does_not_repeat_long_input() {
        assertThat(RequestRules.check(submission(BOB, "x".repeat(65), null, null, null, List.of(), 0)))
                .contains(new Refusal.UnknownGroup(null, List.of(TIER0_LABEL,
                        new Refusal.Group("helpdesk", "helpdesk display"))));
    }

    @Test
    void every_problem_with_the_details_is_reported_at_once() {
        assertThat(RequestRules.check(submission(BOB, "tier0-admins", Duration.ofHours(9), " ", null, List.of(), 0)))
                .contains(new Refusal.Several(List.of(new Refusal.DurationTooLong(TIER0_LABEL, Duration.ofHours(4),
                        Duration.ofHours(9)), new Refusal.JustificationMissing(TIER0_LABEL, false),
                        new Refusal.TicketMissing(TIER0_LABEL, "INC123456"))));
    }

    @Test
    void one_open_request_per_group() {
        AccessRequest open = AccessRequest.submit(RequestId.random(), "tier0-admins", BOB, Duration.ofHours(1), "x",
                "INC000001", false, true, Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(RequestRules.check(submission(BOB, "tier0-admins", Duration.ofHours(1), "why", "INC123456",
                List.of(open), 1))).contains(new Refusal.AlreadyOpen(TIER0_LABEL, RequestStatus.PENDING_APPROVAL,
                open.id().shortForm()));
    }

    private static Submission submission(Account who, String asked, Duration duration, String justification,
            String ticket, List<AccessRequest> open, int submitted) {
        Optional<GroupPolicy> policy = List.of(TIER0, HELPDESK).stream().filter(p -> p.name().equals(asked))
                .findFirst();
        return new Submission(who, asked, policy, List.of(TIER0, HELPDESK), duration, justification, ticket, open,
                submitted, 10, Duration.ofHours(1));
    }

    private static GroupPolicy policy(String name, boolean justificationRequired, TicketRule ticket) {
        return PolicyFixtures.policy(name, name + " display", Duration.ofHours(4), justificationRequired, ticket);
    }
}
