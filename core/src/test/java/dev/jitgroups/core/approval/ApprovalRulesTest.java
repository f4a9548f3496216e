package dev.jitgroups.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalRulesTest {

    static final Refusal.Group TIER0 = new Refusal.Group("tier0-admins", "Tier 0 admins");

    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    static final Account ALICE = new Account("S-1-5-21-9-1101", "CN=alice", "alice@corp", "alice", "Alice", true);
    static final Account CAROL = new Account("S-1-5-21-9-1103", "CN=carol", "carol@corp", "carol", "Carol", true);
    static final AccessRequest PENDING = AccessRequest.submit(RequestId.random(), "tier0", ALICE, Duration.ofHours(1),
            "why", null, false, true, T0);

    @Test
    void allowed_approver_on_a_pending_request_passes() {
        assertThat(ApprovalRules.check(new Tap(PENDING, CAROL, true, true, TIER0))).isEmpty();
    }

    @Test
    void requester_never_approves_even_when_the_directory_says_they_are_an_approver() {
        assertThat(ApprovalRules.check(new Tap(PENDING, ALICE, true, true, TIER0))).get()
                .extracting(Rejection::rule).isEqualTo("requester-never-approves");
        assertThat(ApprovalRules.check(new Tap(PENDING, ALICE, false, true, TIER0))).isPresent();
    }

    @Test
    void approver_not_allowed_at_the_tap_is_refused() {
        assertThat(ApprovalRules.check(new Tap(PENDING, CAROL, true, false, TIER0))).get()
                .extracting(Rejection::rule).isEqualTo("approver-allowed-now");
    }

    @Test
    void disabled_approver_is_refused() {
        Account disabled = new Account(CAROL.id(), CAROL.dn(), CAROL.userPrincipalName(), "carol", "Carol", false);
        assertThat(ApprovalRules.check(new Tap(PENDING, disabled, true, true, TIER0))).get()
                .extracting(Rejection::rule).isEqualTo("approver-account-enabled");
    }

    @Test
    void decided_request_refuses_every_tap_and_says_by_whom() {
        AccessRequest denied = PENDING.deny(CAROL, "no", T0);
        assertThat(ApprovalRules.check(new Tap(denied, CAROL, true, true, TIER0))).get()
                .extracting(Rejection::refusal).isEqualTo(new Refusal.NotPending(RequestStatus.DENIED, "Carol"));
    }

    @Test
    void same_approver_counts_once() {
        AccessRequest once = PENDING.approve(CAROL, null, 2, T0);
        assertThat(ApprovalRules.check(new Tap(once, CAROL, true, true, TIER0))).get()
                .extracting(Rejection::rule).isEqualTo("approver-decides-once");
    }
}
