package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = CoreTestApplication.class)
class AccessWorkflowTest extends WorkflowTestSupport {

    @Autowired
    AuditLog audit;

    @Test
    void group_without_approval_is_applied_at_once_and_removed_when_the_window_ends() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "helpdesk", Duration.ofSeconds(2),
                null, null)));
        assertThat(r.status()).isEqualTo(RequestStatus.APPROVED);

        AccessRequest active = awaitStatus(r.id(), RequestStatus.ACTIVE);
        assertThat(directory().isDirectMember(user("bob"), FakeDirectory.HELPDESK)).isTrue();
        assertThat(active.endsAt()).contains(active.activatedAt().orElseThrow().plusSeconds(2));

        awaitStatus(r.id(), RequestStatus.EXPIRED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !directory().isDirectMember(user("bob"), FakeDirectory.HELPDESK));
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications().kindsFor(r.id()).contains(NoticeKind.EXPIRED));
        assertThat(notifications().kindsFor(r.id())).contains(NoticeKind.APPROVED, NoticeKind.EFFECTIVE);
        assertThat(auditCount(r.id(), "directory.member-added")).isEqualTo(1);
        assertThat(auditCount(r.id(), "directory.member-removed")).isEqualTo(1);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void two_approval_policy_stays_pending_after_the_first_approval_and_applies_after_the_second() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "tier0-admins", Duration.ofHours(1),
                "patching DCs", "INC123456")));
        assertThat(r.status()).isEqualTo(RequestStatus.PENDING_APPROVAL);

        Outcome first = deciding.decide(new DecideCommand(r.id(), user("carol"), true, "ok"));
        assertThat(first.isDone()).isTrue();
        assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        assertThat(directory().isDirectMember(user("bob"), FakeDirectory.TIER0)).isFalse();

        assertThat(refused(deciding.decide(new DecideCommand(r.id(), user("carol"), true, "again"))).refusal())
                .isEqualTo(new Refusal.AlreadyDecided(false));

        deciding.decide(new DecideCommand(r.id(), user("dave"), true, null));
        awaitStatus(r.id(), RequestStatus.ACTIVE);
        assertThat(directory().isDirectMember(user("bob"), FakeDirectory.TIER0)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications().kindsFor(r.id()).contains(NoticeKind.EFFECTIVE));
        assertThat(notifications().kindsFor(r.id())).contains(NoticeKind.SUBMITTED, NoticeKind.APPROVAL_RECORDED);

        ending.deactivate(r.id(), user("bob"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !directory().isDirectMember(user("bob"), FakeDirectory.TIER0));
        assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.REVOKED);
    }

    @Test
    void requester_never_approves_own_request_even_as_an_approver() {
        // alice is eligible (nested eligibility group) and also in the approvers group
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("alice"), "tier0-admins",
                Duration.ofMinutes(30), "incident", "INC000001")));

        Outcome own = deciding.decide(new DecideCommand(r.id(), user("alice"), true, null));

        assertThat(refused(own).refusal()).isInstanceOf(Refusal.OwnRequest.class);
        AccessRequest after = store.find(r.id()).orElseThrow();
        assertThat(after.approvals()).isEmpty();
        assertThat(after.version()).isEqualTo(r.version());
        assertThat(auditCount(r.id(), "request.approve")).isEqualTo(1);
        ending.cancel(r.id(), user("alice"));
    }

    @Test
    void non_approver_is_refused_and_nothing_changes() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("alice"), "server-admins", null, null, null)));
        Outcome byBob = deciding.decide(new DecideCommand(r.id(), user("bob"), true, null));
        assertThat(refused(byBob).refusal()).isInstanceOf(Refusal.NotAnApprover.class);
        assertThat(store.find(r.id()).orElseThrow().version()).isEqualTo(r.version());
        ending.cancel(r.id(), user("alice"));
    }

    @Test
    void manager_reference_lets_the_requesters_manager_approve() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("alice"), "tier0-admins",
                Duration.ofMinutes(30), "incident", "INC000002")));
        assertThat(deciding.decide(new DecideCommand(r.id(), user("erin"), true, null)).isDone()).isTrue();
        assertThat(refused(deciding.decide(new DecideCommand(r.id(), user("bob"), true, null))).refusal())
                .isInstanceOf(Refusal.NotAnApprover.class);
        assertThat(deciding.decide(new DecideCommand(r.id(), user("carol"), false, "not now")).isDone()).isTrue();
        AccessRequest denied = store.find(r.id()).orElseThrow();
        assertThat(denied.status()).isEqualTo(RequestStatus.DENIED);
        assertThat(denied.reason()).contains("not now");
        assertThat(refused(deciding.decide(new DecideCommand(r.id(), user("dave"), true, null))).refusal())
                .isEqualTo(new Refusal.NotPending(RequestStatus.DENIED, "Carol"));
    }

    @Test
    void bad_requests_are_refused_with_what_to_do_next() {
        Refusal.Group tier0 = new Refusal.Group("tier0-admins", "Tier 0 admins");
        assertThat(refused(requesting.submit(new SubmitCommand(user("bob"), "domain-admins", null, "x", null))).refusal())
                .isInstanceOfSatisfying(Refusal.UnknownGroup.class, u -> {
                    assertThat(u.asked()).isEqualTo("domain-admins");
                    assertThat(u.mayRequest()).extracting(Refusal.Group::key).contains("tier0-admins", "helpdesk");
                });
        assertThat(refused(requesting.submit(new SubmitCommand(user("carol"), "helpdesk", null, null, null))).refusal())
                .isInstanceOfSatisfying(Refusal.NotEligible.class, n -> assertThat(n.group().displayName())
                        .isEqualTo("Helpdesk operators"));
        assertThat(refused(requesting.submit(new SubmitCommand(user("bob"), "tier0-admins", Duration.ofHours(5), "x",
                "INC123456"))).refusal()).isEqualTo(new Refusal.DurationTooLong(tier0, Duration.ofHours(4),
                Duration.ofHours(5)));
        assertThat(refused(requesting.submit(new SubmitCommand(user("bob"), "tier0-admins", null, "x", "CHG1")))
                .refusal()).isEqualTo(new Refusal.TicketInvalid("CHG1", "INC123456"));
        assertThat(refused(requesting.submit(new SubmitCommand(user("bob"), "tier0-admins", null, null, null)))
                .refusal()).isEqualTo(new Refusal.Several(java.util.List.of(new Refusal.JustificationMissing(tier0,
                false), new Refusal.TicketMissing(tier0, "INC123456"))));
        assertThat(refused(requesting.submit(new SubmitCommand(user("mallory"), "tier0-admins", null, "x",
                "INC123456"))).refusal()).isInstanceOf(Refusal.AccountDisabled.class);
    }

    @Test
    void pending_request_times_out_after_reminding_approvers_and_escalation_approvers() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "server-admins", null, null, null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications().kindsFor(r.id()).contains(NoticeKind.REMINDER));
        assertThat(notifications().notices.stream().filter(n -> n.request().id().equals(r.id())
                && n.kind() == NoticeKind.REMINDER).findFirst().orElseThrow().approvers())
                .extracting(a -> a.samAccountName()).contains("carol", "dave", "sec");
        awaitStatus(r.id(), RequestStatus.TIMED_OUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications().kindsFor(r.id()).contains(NoticeKind.TIMED_OUT));
    }

    @Test
    void escalation_approver_may_decide_only_after_the_reminder() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("alice"), "tier0-admins",
                Duration.ofMinutes(30), "incident", "INC000003")));
        // tier0's reminder is after 1h: the security officer may not decide yet
        assertThat(refused(deciding.decide(new DecideCommand(r.id(), user("sec"), true, null))).refusal())
                .isInstanceOf(Refusal.NotAnApprover.class);
        ending.cancel(r.id(), user("alice"));
        assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.CANCELLED);
    }

    @Test
    void admin_revokes_and_requester_extends_within_max_duration() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("alice"), "helpdesk",
                Duration.ofSeconds(20), null, null)));
        AccessRequest active = awaitStatus(r.id(), RequestStatus.ACTIVE);

        assertThat(refused(ending.extend(r.id(), user("alice"), Duration.ofMinutes(5))).refusal())
                .isInstanceOf(Refusal.ExtensionTooLong.class);
        assertThat(ending.extend(r.id(), user("alice"), Duration.ofSeconds(20)).isDone()).isTrue();
        assertThat(store.find(r.id()).orElseThrow().endsAt()).contains(active.endsAt().orElseThrow().plusSeconds(20));

        assertThat(refused(ending.revoke(r.id(), user("bob"), "no")).refusal()).isInstanceOf(Refusal.NotAnAdmin.class);
        assertThat(ending.revoke(r.id(), user("sec"), "incident over").isDone()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !directory().isDirectMember(user("alice"), FakeDirectory.HELPDESK));
        assertThat(store.find(r.id()).orElseThrow().closedBy()).contains("Sec");
    }
}
