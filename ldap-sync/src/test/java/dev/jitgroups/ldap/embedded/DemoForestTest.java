package dev.jitgroups.ldap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.RDN;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.ldap.behaviour.EmbeddedFixture;
import dev.jitgroups.ldap.connection.LdapConnections;
import dev.jitgroups.ldap.directory.GroupInfo;
import dev.jitgroups.ldap.directory.GroupScope;
import dev.jitgroups.ldap.directory.Groups;
import dev.jitgroups.ldap.directory.LdapAccountDirectory;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The embedded directory as the demo and the other modules' tests see it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoForestTest {

    private static final String TIER0 = "CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example";
    private static final String SERVER_ADMINS = "CN=JIT Server Admins,OU=Privileged,DC=corp,DC=example";
    private static final String HELPDESK = "CN=JIT Helpdesk Ops,OU=Privileged,DC=corp,DC=example";
    private static final String TIER0_ELIGIBLE = "CN=Tier0 Eligible,OU=Groups,DC=corp,DC=example";

    private EmbeddedDirectory embedded;
    private LDAPConnectionPool pool;
    private LdapAccountDirectory directory;

    @BeforeAll
    void start() throws Exception {
        embedded = EmbeddedDirectory.start("DC=corp,DC=example", 0, null);
        pool = LdapConnections.open(EmbeddedFixture.settings(embedded));
        directory = new LdapAccountDirectory(pool, new DN("DC=corp,DC=example"));
    }

    @AfterAll
    void stop() {
        pool.close();
        embedded.close();
    }

    @Test
    void listens_on_loopback_only() {
        assertThat(embedded.server().getListenAddress().isLoopbackAddress()).isTrue();
        assertThat(embedded.url()).startsWith("ldap://127.0.0.1:").endsWith(":" + embedded.port());
    }

    @Test
    void anonymous_clients_can_neither_write_nor_read() throws Exception {
        try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", embedded.port())) {
            Modification add = new Modification(ModificationType.ADD, "member",
                    "CN=Mallory Moss,OU=People,DC=corp,DC=example");

            assertThatThrownBy(() -> anonymous.modify(TIER0, add)).isInstanceOfSatisfying(LDAPException.class,
                    e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
            assertThatThrownBy(() -> anonymous.search("DC=corp,DC=example", SearchScope.SUB, "(objectClass=user)"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
        String[] members = pool.getEntry(TIER0, "member").getAttributeValues("member");
        assertThat(members == null ? new String[0] : members).noneMatch(m -> m.contains("Mallory"));
    }

    @Test
    void alice_is_found_with_the_demo_domains_sid() {
        Account alice = directory.findUser("alice@corp.example").orElseThrow();

        assertThat(alice.id()).isEqualTo("S-1-5-21-1111111111-2222222222-3333333333-1101");
        assertThat(alice.displayName()).isEqualTo("Alice Adams");
        assertThat(directory.findUser("sid:" + alice.id())).contains(alice);
    }

    @Test
    void the_manager_chain_runs_from_alice_to_erin_to_frank() {
        Account alice = directory.findUser("alice").orElseThrow();
        Account erin = directory.managerOf(alice.memberRef()).orElseThrow();
        Account frank = directory.managerOf(erin.memberRef()).orElseThrow();

        assertThat(erin.samAccountName()).isEqualTo("erin");
        assertThat(frank.samAccountName()).isEqualTo("frank");
        assertThat(directory.managerOf(frank.memberRef())).isEmpty();
    }

    @Test
    void mallory_is_disabled() {
        assertThat(directory.findUser("mallory")).hasValueSatisfying(m -> assertThat(m.enabled()).isFalse());
    }

    @Test
    void bob_is_eligible_for_tier0_through_the_nested_group() {
        Account bob = directory.findUser("bob").orElseThrow();

        assertThat(directory.isTransitiveMember(bob, Dn.parse(TIER0_ELIGIBLE))).isTrue();
        assertThat(directory.transitiveMembers(Dn.parse(TIER0_ELIGIBLE))).extracting(Account::samAccountName)
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(directory.isTransitiveMember(directory.findUser("sofia").orElseThrow(),
                Dn.parse("CN=Server Approvers,OU=Groups,DC=corp,DC=example"))).isTrue();
        assertThat(directory.isTransitiveMember(directory.findUser("carol").orElseThrow(), Dn.parse(TIER0_ELIGIBLE))).isFalse();
    }

    @Test
    void the_managed_groups_have_one_of_each_scope_and_tier0_is_protected() throws Exception {
        GroupInfo tier0 = Groups.read(pool, new DN(TIER0));

        assertThat(tier0.scope()).isEqualTo(GroupScope.GLOBAL);
        assertThat(tier0.protectedGroup()).isTrue();
        assertThat(Groups.read(pool, new DN(SERVER_ADMINS)).scope()).isEqualTo(GroupScope.DOMAIN_LOCAL);
        assertThat(Groups.read(pool, new DN(HELPDESK)).scope()).isEqualTo(GroupScope.UNIVERSAL);
    }

    private static DN embeddedDomain() {
        return GroupInfo.domainOf(new DN(new RDN("DC", "corp"), new RDN("DC", "example")));
    }

    @Test
    void the_all_staff_distribution_list_is_refused() {
        LdapGroupMembership membership = new LdapGroupMembership(pool, embeddedDomain(),
                false, Clock.systemUTC());
        Account alice = directory.findUser("alice").orElseThrow();

        assertThatThrownBy(() -> membership.add(alice.memberRef(), Dn.parse("CN=All Staff,OU=Groups,DC=corp,DC=example"), null))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("distribution group");
    }
}
