package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = CoreTestApplication.class)
class ReconcilingTest extends WorkflowTestSupport {

    @Autowired
    Reconciling reconciling;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void member_added_behind_the_back_is_reported_then_removed_in_enforce_mode_while_granted_members_stay() {
        AccessRequest granted = submitted(requesting.submit(new SubmitCommand(user("bob"), "helpdesk",
                Duration.ofSeconds(30), null, null)));
        awaitStatus(granted.id(), RequestStatus.ACTIVE);
        String intruder = user("dave").dn();
        directory().addBehindTheBack(FakeDirectory.HELPDESK, intruder);

        Reconciling.GroupDrift reported = reconciling.reconcile(catalog.find("helpdesk").orElseThrow(), false);
        assertThat(reported.uncovered()).containsExactly(intruder);
        assertThat(directory().directMemberDns(FakeDirectory.HELPDESK)).contains(intruder, user("bob").dn());
        assertThat(notifications().drifts).anySatisfy(d -> assertThat(d.uncoveredMemberDns()).contains(intruder));

        Reconciling.GroupDrift enforced = reconciling.reconcile(catalog.find("helpdesk").orElseThrow(), true);
        assertThat(enforced.removed()).isTrue();
        assertThat(directory().directMemberDns(FakeDirectory.HELPDESK)).doesNotContain(intruder).contains(user("bob").dn());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'drift.detected' AND subject = ?")
                .param(intruder).query(Long.class).single()).isEqualTo(2);
        ending.deactivate(granted.id(), user("bob"));
    }
}
