package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = CoreTestApplication.class)
class ParallelDecisionsTest extends WorkflowTestSupport {

    @Autowired
    AuditLog audit;

    @Test
    void two_approvers_tapping_fifty_times_each_at_once_make_exactly_one_decision() throws Exception {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "server-admins",
                Duration.ofSeconds(30), null, null)));
        int addsBefore = directory().adds();

        List<Outcome> outcomes = tapAtOnce(r, user("carol"), user("dave"), 50);

        assertThat(outcomes.stream().filter(Outcome::isDone)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o instanceof Outcome.Refused)).hasSize(99);
        AccessRequest decided = awaitStatus(r.id(), RequestStatus.ACTIVE);
        assertThat(decided.approvals()).hasSize(1);
        // one decision, one apply job (one member-added transition, one directory write), one notice each
        assertThat(auditCount(r.id(), "request.approved")).isEqualTo(1);
        assertThat(auditCount(r.id(), "directory.member-added")).isEqualTo(1);
        assertThat(auditCount(r.id(), "request.approve")).isEqualTo(99);
        assertThat(directory().adds() - addsBefore).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications().kindsFor(r.id()).contains(NoticeKind.EFFECTIVE));
        assertThat(notifications().kindsFor(r.id()).stream().filter(k -> k == NoticeKind.APPROVED)).hasSize(1);
        assertThat(audit.verify().intact()).isTrue();
        ending.deactivate(r.id(), user("bob"));
    }

    @Test
    void two_of_n_policy_counts_each_approver_once_under_parallel_taps() throws Exception {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "tier0-admins",
                Duration.ofMinutes(20), "parallel", "INC654321")));

        List<Outcome> outcomes = tapAtOnce(r, user("carol"), user("dave"), 50);

        assertThat(outcomes.stream().filter(Outcome::isDone)).hasSize(2);
        AccessRequest decided = awaitStatus(r.id(), RequestStatus.ACTIVE);
        assertThat(decided.approvals()).extracting(a -> a.approverName()).containsExactlyInAnyOrder("Carol", "Dave");
        assertThat(auditCount(r.id(), "request.approval-recorded")).isEqualTo(1);
        assertThat(auditCount(r.id(), "request.approved")).isEqualTo(1);
        assertThat(auditCount(r.id(), "directory.member-added")).isEqualTo(1);
        ending.deactivate(r.id(), user("bob"));
    }

    private List<Outcome> tapAtOnce(AccessRequest r, Account first, Account second, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            for (Account approver : List.of(first, second)) {
                Callable<Outcome> tap = () -> {
                    start.await();
                    return deciding.decide(new DecideCommand(r.id(), approver, true, null));
                };
                futures.add(pool.submit(tap));
            }
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        return outcomes;
    }
}
