package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.ManagedGroup;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import dev.jitgroups.core.testing.OwnFakes;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

/** Reconciliation by objectSid, in a context of its own (own database, own fake directory). */
@SpringBootTest(classes = CoreTestApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:reconciling;DB_CLOSE_DELAY=-1")
@Import(OwnFakes.class)
@ExtendWith(OutputCaptureExtension.class)
class ReconcilingTest extends WorkflowTestSupport {

    @Autowired
    Reconciling reconciling;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    ManagedGroupChecks groups;

    /** The start-up runs are over (they must not race the tests), and no drift was reported yet. */
    @BeforeEach
    void quiet() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE "
                + "task_name = 'reconcile-at-startup' OR (task_name = 'reconcile' AND (picked OR last_success IS NULL))")
                .query(Long.class).single() == 0);
        jdbc.sql("DELETE FROM reported_drift").update();
    }

    private GroupPolicy helpdesk() {
        return catalog.find("helpdesk").orElseThrow();
    }

    private AccessRequest activeGrant(String sam, Duration duration) {
        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user(sam), "helpdesk", duration, null, null)));
        return awaitStatus(r.id(), RequestStatus.ACTIVE);
    }

    @Test
    void member_added_behind_the_back_is_reported_then_removed_in_enforce_mode_while_granted_members_stay() {
        AccessRequest granted = activeGrant("bob", Duration.ofSeconds(30));
        String intruder = user("dave").dn().toString();
        directory().addBehindTheBack(FakeDirectory.HELPDESK, intruder);

        Reconciling.GroupDrift reported = reconciling.reconcile(helpdesk(), false);
        assertThat(reported.uncovered()).containsExactly(intruder);
        assertThat(directory().directMemberDns(FakeDirectory.HELPDESK)).contains(intruder, user("bob").dn().toString());
        assertThat(notifications().drifts).anySatisfy(d -> assertThat(d.uncoveredMemberDns()).contains(intruder));

        Reconciling.GroupDrift enforced = reconciling.reconcile(helpdesk(), true);
        assertThat(enforced.removed()).isTrue();
        assertThat(directory().directMemberDns(FakeDirectory.HELPDESK)).doesNotContain(intruder)
                .contains(user("bob").dn().toString());
        assertThat(driftAudits(intruder)).isEqualTo(2);
        ending.deactivate(granted.id(), user("bob"));
    }

    @Test
    void renamed_and_moved_members_keep_their_membership_through_enforce_runs_and_lose_it_at_expiry() {
        AccessRequest alices = activeGrant("alice", Duration.ofSeconds(6));
        AccessRequest bobs = activeGrant("bob", Duration.ofSeconds(6));
        directory().rename("alice", "CN=Alice \\, (admin*) Adams,OU=People,DC=corp,DC=example");
        directory().rename("bob", "CN=bob,OU=Moved Elsewhere,DC=corp,DC=example");
        try {
            for (int run = 0; run < 2; run++) {
                Reconciling.GroupDrift drift = reconciling.reconcile(helpdesk(), true);
                assertThat(drift.uncovered()).isEmpty();
            }
            assertThat(directory().isDirectMember(user("alice"), FakeDirectory.HELPDESK)).isTrue();
            assertThat(directory().isDirectMember(user("bob"), FakeDirectory.HELPDESK)).isTrue();
            assertThat(store.find(alices.id()).orElseThrow().status()).isEqualTo(RequestStatus.ACTIVE);
            assertThat(store.find(bobs.id()).orElseThrow().status()).isEqualTo(RequestStatus.ACTIVE);

            awaitStatus(alices.id(), RequestStatus.EXPIRED);
            awaitStatus(bobs.id(), RequestStatus.EXPIRED);
            await().atMost(Duration.ofSeconds(10)).until(() -> !directory().isDirectMember(user("alice"), FakeDirectory.HELPDESK)
                    && !directory().isDirectMember(user("bob"), FakeDirectory.HELPDESK));
            await().atMost(Duration.ofSeconds(10)).until(() -> auditCount(alices.id(), "directory.member-removed") == 1
                    && auditCount(bobs.id(), "directory.member-removed") == 1);
        } finally {
            directory().rename("alice", "CN=alice,OU=People,DC=corp,DC=example");
            directory().rename("bob", "CN=bob,OU=People,DC=corp,DC=example");
        }
    }

    @Test
    void the_same_drift_is_reported_once_and_again_only_after_it_went_away_and_came_back() {
        String intruder = user("carol").dn().toString();
        directory().addBehindTheBack(FakeDirectory.HELPDESK, intruder);

        assertThat(reconciling.reconcile(helpdesk(), false).reported()).containsExactly(intruder);
        assertThat(reconciling.reconcile(helpdesk(), false)).satisfies(d -> {
            assertThat(d.uncovered()).containsExactly(intruder);
            assertThat(d.reported()).isEmpty();
        });
        assertThat(driftAudits(intruder)).isEqualTo(1);

        directory().removeBehindTheBack(FakeDirectory.HELPDESK, "carol");
        assertThat(reconciling.reconcile(helpdesk(), false).uncovered()).isEmpty();
        directory().addBehindTheBack(FakeDirectory.HELPDESK, intruder);

        assertThat(reconciling.reconcile(helpdesk(), false).reported()).containsExactly(intruder);
        assertThat(driftAudits(intruder)).isEqualTo(2);
        assertThat(notifications().drifts.stream().filter(d -> d.uncoveredMemberDns().contains(intruder))).hasSize(2);
        directory().removeBehindTheBack(FakeDirectory.HELPDESK, "carol");
    }

    @Test
    void drift_removed_in_enforce_mode_is_logged_at_warn_and_audited(CapturedOutput output) {
        String intruder = user("erin").dn().toString();
        directory().addBehindTheBack(FakeDirectory.HELPDESK, intruder);

        assertThat(reconciling.reconcile(helpdesk(), true).removed()).isTrue();

        assertThat(directory().directMemberDns(FakeDirectory.HELPDESK)).doesNotContain(intruder);
        assertThat(output.getOut()).containsPattern("WARN .*Removed " + java.util.regex.Pattern.quote(intruder)
                + " \\(S-1-5-21-[0-9-]+\\) from helpdesk");
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'drift.detected' AND subject = ?")
                .param(intruder).query(String.class).list()).containsExactly("removed");
    }

    @Test
    void a_member_removed_behind_our_back_during_an_active_grant_ends_it_as_revoked_outside_jit_groups() {
        AccessRequest grant = activeGrant("bob", Duration.ofSeconds(30));
        int addsBefore = directory().adds();
        directory().removeBehindTheBack(FakeDirectory.HELPDESK, "bob");

        reconciling.reconcile(helpdesk(), true);
        reconciling.reconcile(helpdesk(), true);

        AccessRequest ended = store.find(grant.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(RequestStatus.REVOKED);
        assertThat(ended.closedBy()).contains(EndingOutside.OUTSIDE);
        assertThat(ended.reason()).hasValueSatisfying(why -> assertThat(why).contains("outside JIT Groups"));
        assertThat(directory().isDirectMember(user("bob"), FakeDirectory.HELPDESK)).isFalse();
        assertThat(directory().adds()).isEqualTo(addsBefore);
        assertThat(auditCount(grant.id(), "request.revoked-outside")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications().kindsFor(grant.id()).contains(NoticeKind.REVOKED));
    }

    @Test
    void a_user_deleted_during_a_grant_ends_it_when_reconciliation_finds_the_account_gone() {
        AccessRequest grant = activeGrant("alice", Duration.ofSeconds(30));
        Account alice = directory().delete("alice");
        try {
            reconciling.reconcile(helpdesk(), true);

            AccessRequest ended = store.find(grant.id()).orElseThrow();
            assertThat(ended.status()).isEqualTo(RequestStatus.REVOKED);
            assertThat(ended.closedBy()).contains(EndingOutside.DIRECTORY);
            assertThat(ended.reason()).hasValueSatisfying(why -> assertThat(why).contains("deleted"));
            assertThat(auditCount(grant.id(), "request.account-deleted")).isEqualTo(1);
        } finally {
            directory().restore(alice);
        }
    }

    @Test
    void a_user_deleted_during_a_grant_is_done_at_expiry_and_audited() {
        AccessRequest grant = activeGrant("bob", Duration.ofSeconds(2));
        Account bob = directory().delete("bob");
        try {
            awaitStatus(grant.id(), RequestStatus.EXPIRED);
            await().atMost(Duration.ofSeconds(10)).until(() -> auditCount(grant.id(), "directory.member-gone") == 1);
            assertThat(auditCount(grant.id(), "directory.member-removed")).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?").param(grant.id().toString())
                    .query(Long.class).single()).isZero();
        } finally {
            directory().restore(bob);
        }
    }

    @Test
    void a_group_renamed_in_the_directory_is_reported_with_its_new_dn_and_the_key_to_fix() {
        GroupPolicy servers = catalog.find("server-admins").orElseThrow();
        String moved = "CN=JIT Server Admins (old),OU=Retired,DC=corp,DC=example";
        assertThat(groups.managedGroups()).filteredOn(g -> g.name().equals("server-admins"))
                .allSatisfy(g -> assertThat(g.objectGuid()).isPresent());
        directory().renameGroup(FakeDirectory.SERVERS, moved);
        try {
            assertThat(groups.check(servers)).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("group server-admins ("
                    + FakeDirectory.SERVERS + ") was renamed/moved to " + moved + "; update jit.groups[1].dn"));
            assertThat(reconciling.reconcile(servers, true).uncovered()).isEmpty();
            ManagedGroup group = groups.managedGroups().get(1);
            assertThat(group.configKey()).isEqualTo("jit.groups[1]");
        } finally {
            directory().renameGroup(moved, FakeDirectory.SERVERS);
        }
    }

    @Test
    void a_grant_in_a_group_renamed_in_the_directory_still_ends_on_time() {
        String moved = "CN=JIT Helpdesk Ops (moved),OU=Retired,DC=corp,DC=example";
        AccessRequest grant = activeGrant("alice", Duration.ofSeconds(3));
        directory().renameGroup(FakeDirectory.HELPDESK, moved);
        try {
            awaitStatus(grant.id(), RequestStatus.EXPIRED);
            await().atMost(Duration.ofSeconds(10)).until(() -> auditCount(grant.id(), "directory.member-removed") == 1);
            assertThat(directory().isDirectMember(user("alice"), moved)).isFalse();
            assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE request_id = ? AND action = 'directory.member-removed'")
                    .param(grant.id().toString()).query(String.class).single()).endsWith("removed from " + moved);
        } finally {
            directory().renameGroup(moved, FakeDirectory.HELPDESK);
        }
    }

    private long driftAudits(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'drift.detected' AND subject = ?")
                .param(subject).query(Long.class).single();
    }
}
