package dev.jitgroups.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.core.directory.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every legal transition succeeds and every illegal one is refused, from every status. */
class AccessRequestLifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    static final Account ALICE = new Account("S-1-5-21-1-2-3-1101", "CN=alice,DC=corp", "alice@corp", "alice", "Alice",
            true);
    static final Account CAROL = new Account("S-1-5-21-1-2-3-1103", "CN=carol,DC=corp", "carol@corp", "carol", "Carol",
            true);

    /** The lifecycle as DESIGN.md draws it, written out independently of RequestStatus.next(). */
    static final Map<RequestStatus, Set<RequestStatus>> LEGAL = new EnumMap<>(Map.of(
            RequestStatus.PENDING_APPROVAL, EnumSet.of(RequestStatus.APPROVED, RequestStatus.DENIED,
                    RequestStatus.CANCELLED, RequestStatus.TIMED_OUT),
            RequestStatus.APPROVED, EnumSet.of(RequestStatus.ACTIVE, RequestStatus.FAILED),
            RequestStatus.ACTIVE, EnumSet.of(RequestStatus.EXPIRED, RequestStatus.REVOKED)));

    /** One way to ask for each target status. */
    static final Map<RequestStatus, Function<AccessRequest, AccessRequest>> ATTEMPTS = new EnumMap<>(Map.of(
            RequestStatus.APPROVED, r -> r.approve(CAROL, "ok", 1, T0),
            RequestStatus.DENIED, r -> r.deny(CAROL, "no", T0),
            RequestStatus.CANCELLED, r -> r.cancel(T0),
            RequestStatus.TIMED_OUT, r -> r.timeOut(T0),
            RequestStatus.ACTIVE, r -> r.activate(T0),
            RequestStatus.FAILED, r -> r.fail("refused", T0),
            RequestStatus.EXPIRED, r -> r.expire(T0),
            RequestStatus.REVOKED, r -> r.revoke("Sec", "done", T0)));

    static AccessRequest inStatus(RequestStatus status) {
        AccessRequest pending = AccessRequest.submit(RequestId.random(), "tier0", ALICE, Duration.ofHours(1), "why",
                null, false, true, T0);
        return switch (status) {
            case PENDING_APPROVAL -> pending;
            case APPROVED -> pending.approve(CAROL, null, 1, T0);
            case ACTIVE -> pending.approve(CAROL, null, 1, T0).activate(T0);
            case EXPIRED -> inStatus(RequestStatus.ACTIVE).expire(T0);
            case REVOKED -> inStatus(RequestStatus.ACTIVE).revoke("x", null, T0);
            case FAILED -> inStatus(RequestStatus.APPROVED).fail("x", T0);
            case DENIED -> pending.deny(CAROL, null, T0);
            case CANCELLED -> pending.cancel(T0);
            case TIMED_OUT -> pending.timeOut(T0);
        };
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void each_target_is_reachable_exactly_from_its_legal_sources(RequestStatus from) {
        Set<RequestStatus> legal = LEGAL.getOrDefault(from, Set.of());
        for (RequestStatus target : ATTEMPTS.keySet()) {
            AccessRequest request = inStatus(from);
            if (legal.contains(target)) {
                assertThat(ATTEMPTS.get(target).apply(request).status()).as(from + " -> " + target).isEqualTo(target);
            } else {
                assertThatThrownBy(() -> ATTEMPTS.get(target).apply(request)).as(from + " -> " + target)
                        .isInstanceOf(IllegalTransitionException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void status_table_matches_the_design(RequestStatus from) {
        Set<RequestStatus> expected = EnumSet.noneOf(RequestStatus.class);
        expected.addAll(LEGAL.getOrDefault(from, Set.of()));
        if (from == RequestStatus.PENDING_APPROVAL || from == RequestStatus.ACTIVE) {
            expected.add(from); // a partial approval, an extension
        }
        assertThat(from.next()).isEqualTo(expected);
        assertThat(from.isFinal()).isEqualTo(expected.isEmpty());
    }

    @org.junit.jupiter.api.Test
    void partial_approval_stays_pending_until_enough_distinct_approvers_agree() {
        Account dave = new Account("S-1-5-21-1-2-3-1104", "CN=dave,DC=corp", "dave@corp", "dave", "Dave", true);
        AccessRequest once = inStatus(RequestStatus.PENDING_APPROVAL).approve(CAROL, null, 2, T0);
        assertThat(once.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThatThrownBy(() -> once.approve(CAROL, null, 2, T0)).isInstanceOf(IllegalStateException.class);
        AccessRequest twice = once.approve(dave, null, 2, T0);
        assertThat(twice.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(twice.approvals()).extracting(Approval::approverName).isEqualTo(List.of("Carol", "Dave"));
    }

    @org.junit.jupiter.api.Test
    void activation_opens_the_window_and_extension_moves_its_end() {
        AccessRequest active = inStatus(RequestStatus.ACTIVE);
        assertThat(active.endsAt()).contains(T0.plus(Duration.ofHours(1)));
        AccessRequest extended = active.extendTo(T0.plus(Duration.ofHours(2)), T0.plusSeconds(60));
        assertThat(extended.status()).isEqualTo(RequestStatus.ACTIVE);
        assertThat(extended.endsAt()).contains(T0.plus(Duration.ofHours(2)));
    }
}
