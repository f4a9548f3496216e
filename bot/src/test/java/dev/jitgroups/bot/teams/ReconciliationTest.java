package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.workflow.Reconciling;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reconciliation against a real LDAP server (the embedded directory), with a grant made through the chat. */
class ReconciliationTest extends BotScenario {

    @Autowired
    Reconciling reconciling;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    EmbeddedDirectory embedded;

    @Test
    void member_added_behind_the_back_is_reported_then_removed_in_enforce_mode_and_granted_members_stay() throws Exception {
        GroupPolicy helpdesk = catalog.find("helpdesk").orElseThrow();
        Account alice = directory.findUser(TeamsPerson.ALICE.upn()).orElseThrow();
        Account dave = directory.findUser(TeamsPerson.DAVE.upn()).orElseThrow();
        say(TeamsPerson.ALICE, "request helpdesk for 20m");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> membership.isDirectMember(alice.memberRef(), helpdesk.dn()));
        try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", embedded.port(), embedded.bindDn(),
                embedded.bindPassword())) {
            ldap.modify(helpdesk.dn().toString(), new Modification(ModificationType.ADD, "member", dave.dn().toString()));
        }

        Reconciling.GroupDrift reported = reconciling.reconcile(helpdesk, false);
        assertThat(reported.uncovered()).contains(dave.dn().toString()).doesNotContain(alice.dn().toString());
        assertThat(membership.isDirectMember(dave.memberRef(), helpdesk.dn())).isTrue();

        Reconciling.GroupDrift enforced = reconciling.reconcile(helpdesk, true);
        assertThat(enforced.removed()).isTrue();
        assertThat(membership.isDirectMember(dave.memberRef(), helpdesk.dn())).isFalse();
        assertThat(membership.isDirectMember(alice.memberRef(), helpdesk.dn())).isTrue();

        for (AccessRequest r : queries.openRequestsOf(alice)) {
            if (r.status() == RequestStatus.ACTIVE && r.groupName().equals("helpdesk")) {
                ending.deactivate(r.id(), alice);
            }
        }
    }
}
