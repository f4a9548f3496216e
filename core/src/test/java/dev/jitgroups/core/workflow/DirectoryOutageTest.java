package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.approval.DeferredDecision;
import dev.jitgroups.core.notification.SettledDecision;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A tap made while the directory cannot be reached is kept, counts only once the directory confirms the approver,
 * and the approver is told; nothing is lost and nothing is counted unchecked.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class DirectoryOutageTest extends WorkflowTestSupport {

    @Autowired
    DeferringDecisions deferring;

    @AfterEach
    void directoryBack() {
        directory().setUnreachable(false);
    }

    @Test
    void an_approval_during_an_outage_is_kept_and_applied_when_the_directory_is_back() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "server-admins", null, null,
                null)));
        directory().setUnreachable(true);
        DeferredDecision tap = new DeferredDecision(r.id(), "carol@corp.example", true, "fine", "chat-carol");

        assertThat(deferring.defer(tap).isDone()).isTrue();
        assertThat(refused(deferring.defer(tap)).refusal()).isInstanceOf(Refusal.DecisionAlreadyWaiting.class);
        assertThat(auditCount(r.id(), "request.approve-deferred")).isEqualTo(1);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING_APPROVAL);

        directory().setUnreachable(false);

        awaitStatus(r.id(), RequestStatus.ACTIVE);
        assertThat(directory().isDirectMember(user("bob"), FakeDirectory.SERVERS)).isTrue();
        SettledDecision told = awaitSettled(r);
        assertThat(told.counted()).isTrue();
        assertThat(told.decision().origin()).isEqualTo("chat-carol");
        assertThat(told.approver().orElseThrow().userPrincipalName()).isEqualTo("carol@corp.example");
    }

    @Test
    void a_tap_by_someone_who_is_not_an_approver_does_not_count_once_checked() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "server-admins", null, null,
                null)));
        directory().setUnreachable(true);

        deferring.defer(new DeferredDecision(r.id(), "alice@corp.example", true, null, "chat-alice"));
        directory().setUnreachable(false);

        SettledDecision told = awaitSettled(r);
        assertThat(told.counted()).isFalse();
        assertThat(told.refusal()).isInstanceOf(Refusal.NotAnApprover.class);
        assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING_APPROVAL);
        ending.cancel(r.id(), user("bob"));
    }

    @Test
    void a_denial_during_an_outage_denies_once_the_directory_is_back() {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "server-admins", null, null,
                null)));
        directory().setUnreachable(true);

        deferring.defer(new DeferredDecision(r.id(), "dave@corp.example", false, "not today", "chat-dave"));
        directory().setUnreachable(false);

        awaitStatus(r.id(), RequestStatus.DENIED);
        assertThat(awaitSettled(r).counted()).isTrue();
    }

    private SettledDecision awaitSettled(AccessRequest r) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> notifications().settled.stream()
                .filter(s -> s.request().id().equals(r.id())).findFirst().orElse(null), s -> s != null);
    }
}
