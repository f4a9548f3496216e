package dev.jitgroups.ldap.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.workflow.ManagedGroupChecks;
import dev.jitgroups.core.workflow.Outcome;
import dev.jitgroups.core.workflow.Reconciling;
import dev.jitgroups.core.workflow.RequestingAccess;
import dev.jitgroups.core.workflow.SubmitCommand;
import dev.jitgroups.ldap.behaviour.DirectoryFixture.TestUser;
import dev.jitgroups.ldap.directory.GroupScope;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grants through the whole workflow (core, db-scheduler, H2) against a real directory: the accounts are renamed,
 * moved, pulled out of the group and deleted by an administrator while their grants are active. Runs on the embedded
 * directory and on the Samba AD DC by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GrantLifecycleBehaviour {

    private static final Duration GRANT = Duration.ofSeconds(12);

    private DirectoryFixture fixture;
    private ConfigurableApplicationContext app;
    private DN group;
    private DN movingGroup;
    private final Map<String, TestUser> users = new LinkedHashMap<>();

    abstract DirectoryFixture openFixture() throws Exception;

    @BeforeAll
    void start() throws Exception {
        fixture = openFixture();
        group = fixture.createGroup("JIT Lifecycle Admins", GroupScope.GLOBAL);
        movingGroup = fixture.createGroup("JIT Lifecycle Moving Group", GroupScope.UNIVERSAL);
        for (String who : List.of("renamed", "moved", "pulled", "deleted", "intruder", "in-moving-group")) {
            users.put(who, fixture.createUser("Lifecycle " + who));
        }
        Map<String, Object> properties = new LinkedHashMap<>(fixture.applicationProperties());
        properties.put("spring.datasource.url", "jdbc:h2:mem:lifecycle-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.jmx.enabled", "false");
        properties.put("db-scheduler.polling-interval", "200ms");
        properties.put("db-scheduler.shutdown-max-wait", "2s");
        properties.put("jit.jobs.retry-initial", "200ms");
        properties.put("jit.jobs.retry-max", "1s");
        properties.put("jit.reconcile.enforce", "true");
        properties.put("jit.reconcile.interval", "1h");
        properties.put("jit.groups[0].name", "lifecycle");
        properties.put("jit.groups[0].dn", group.toString());
        properties.put("jit.groups[0].max-duration", "1h");
        properties.put("jit.groups[0].required-approvals", "0");
        properties.put("jit.groups[0].justification-required", "false");
        properties.put("jit.groups[1].name", "lifecycle-moving");
        properties.put("jit.groups[1].dn", movingGroup.toString());
        properties.put("jit.groups[1].max-duration", "1h");
        properties.put("jit.groups[1].required-approvals", "0");
        properties.put("jit.groups[1].justification-required", "false");
        int i = 0;
        for (TestUser user : users.values()) {
            properties.put("jit.groups[0].eligible[" + i + "]", user.samAccountName());
            properties.put("jit.groups[1].eligible[" + i++ + "]", user.samAccountName());
        }
        app = new SpringApplicationBuilder(WorkflowOnLdap.class).properties(properties).run();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void renamed_and_moved_members_keep_their_grant_through_enforced_reconciliation_and_lose_it_at_expiry() throws Exception {
        AccessRequest renamedGrant = activeGrant("renamed");
        AccessRequest movedGrant = activeGrant("moved");

        DN renamed = fixture.rename(users.get("renamed").dn(), "Lifecycle, Renamed (x*)");
        DN moved = fixture.move(users.get("moved").dn(), fixture.createOu("Lifecycle Moved"));
        for (int run = 0; run < 3; run++) {
            assertThat(reconcile().uncovered()).isEmpty();
        }

        assertThat(fixture.membersOf(group)).contains(renamed, moved);
        assertThat(status(renamedGrant.id())).isEqualTo(RequestStatus.ACTIVE);
        assertThat(status(movedGrant.id())).isEqualTo(RequestStatus.ACTIVE);
        assertThat(app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM audit_event WHERE action = 'drift.detected' "
                + "AND subject IN (?, ?)").params(renamed.toString(), moved.toString()).query(Long.class).single()).isZero();

        await().atMost(GRANT.plusSeconds(30)).until(() -> status(renamedGrant.id()) == RequestStatus.EXPIRED
                && status(movedGrant.id()) == RequestStatus.EXPIRED);
        await().atMost(Duration.ofSeconds(30)).until(() -> audits("directory.member-removed", renamedGrant.id()) == 1
                && audits("directory.member-removed", movedGrant.id()) == 1);
        assertThat(fixture.membersOf(group)).doesNotContain(renamed, moved);
    }

    @Test
    void a_member_removed_behind_our_back_ends_the_grant_as_revoked_outside_jit_groups_and_is_not_added_again()
            throws Exception {
        AccessRequest grant = activeGrant("pulled");
        fixture.admin().modify(group.toString(), new Modification(ModificationType.DELETE, "member",
                users.get("pulled").dn().toString()));

        reconcile();
        reconcile();

        AccessRequest ended = app.getBean(AccessRequestStore.class).find(grant.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(RequestStatus.REVOKED);
        assertThat(ended.closedBy()).contains("someone outside JIT Groups");
        assertThat(audits("request.revoked-outside", grant.id())).isEqualTo(1);
        assertThat(fixture.membersOf(group)).doesNotContain(users.get("pulled").dn());
        await().atMost(Duration.ofSeconds(15)).until(() -> app.getBean(WorkflowOnLdap.Notices.class).kinds(grant.id())
                .contains(NoticeKind.REVOKED));
    }

    @Test
    void a_user_deleted_during_a_grant_ends_it_audited() throws Exception {
        AccessRequest grant = activeGrant("deleted");
        fixture.delete(users.get("deleted").dn());

        reconcile();

        assertThat(status(grant.id())).isEqualTo(RequestStatus.REVOKED);
        assertThat(audits("request.account-deleted", grant.id())).isEqualTo(1);
    }

    @Test
    void a_member_added_behind_our_back_is_reported_once_and_removed_in_enforce_mode() throws Exception {
        TestUser intruder = users.get("intruder");
        fixture.addMembers(group, List.of(intruder.dn()));

        Reconciling reconciling = app.getBean(Reconciling.class);
        GroupPolicy policy = app.getBean(PolicyCatalog.class).find("lifecycle").orElseThrow();
        assertThat(reconciling.reconcile(policy, false).reported()).containsExactly(intruder.dn().toString());
        assertThat(reconciling.reconcile(policy, false).reported()).isEmpty();
        assertThat(reconciling.reconcile(policy, true).removed()).isTrue();

        assertThat(fixture.membersOf(group)).doesNotContain(intruder.dn());
        assertThat(app.getBean(JdbcClient.class).sql("SELECT outcome FROM audit_event WHERE action = 'drift.detected' "
                + "AND subject = ? ORDER BY seq").param(intruder.dn().toString()).query(String.class).list())
                .containsExactly("reported", "removed");
    }

    @Test
    void a_group_renamed_and_moved_in_ad_during_a_grant_is_reported_and_the_grant_still_ends_on_time() throws Exception {
        AccessRequest grant = activeGrant("in-moving-group", "lifecycle-moving");
        DN moved = fixture.move(fixture.rename(movingGroup, "JIT Lifecycle Moving Group (old)"), fixture.createOu("Retired"));

        GroupPolicy policy = app.getBean(PolicyCatalog.class).find("lifecycle-moving").orElseThrow();
        assertThat(app.getBean(ManagedGroupChecks.class).check(policy)).hasValueSatisfying(p -> assertThat(p.text())
                .isEqualTo("group lifecycle-moving (" + movingGroup + ") was renamed/moved to " + moved
                        + "; update jit.groups[1].dn"));

        await().atMost(GRANT.plusSeconds(30)).until(() -> status(grant.id()) == RequestStatus.EXPIRED);
        await().atMost(Duration.ofSeconds(30)).until(() -> audits("directory.member-removed", grant.id()) == 1);
        assertThat(fixture.membersOf(moved)).isEmpty();
    }

    private AccessRequest activeGrant(String who) {
        return activeGrant(who, "lifecycle");
    }

    private AccessRequest activeGrant(String who, String group) {
        AccountDirectory accounts = app.getBean(AccountDirectory.class);
        Outcome outcome = app.getBean(RequestingAccess.class).submit(new SubmitCommand(
                accounts.findUser(users.get(who).samAccountName()).orElseThrow(), group, GRANT, null, null));
        RequestId id = ((Outcome.Done) outcome).request().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == RequestStatus.ACTIVE);
        return app.getBean(AccessRequestStore.class).find(id).orElseThrow();
    }

    private Reconciling.GroupDrift reconcile() {
        GroupPolicy policy = app.getBean(PolicyCatalog.class).find("lifecycle").orElseThrow();
        return app.getBean(Reconciling.class).reconcile(policy, true);
    }

    private RequestStatus status(RequestId id) {
        return app.getBean(AccessRequestStore.class).find(id).orElseThrow().status();
    }

    private long audits(String action, RequestId id) {
        return app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND request_id = ?")
                .params(action, id.toString()).query(Long.class).single();
    }
}
