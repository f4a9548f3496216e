package dev.jitgroups.ldap.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.ldap.behaviour.DirectoryFixture.TestUser;
import dev.jitgroups.ldap.directory.GroupScope;
import dev.jitgroups.ldap.directory.LdapAccountDirectory;
import dev.jitgroups.ldap.directory.RangedAttribute;
import dev.jitgroups.ldap.directory.SidCodec;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the adapter must do on any directory: run against the embedded in-memory server and against a real
 * AD implementation (Samba AD DC) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoryBehaviour {

    private DirectoryFixture fixture;
    private LdapAccountDirectory directory;
    private LdapGroupMembership membership;

    /** Opens the fixture (or skips the class with the reason). */
    abstract DirectoryFixture openFixture() throws Exception;

    @BeforeAll
    void open() throws Exception {
        fixture = openFixture();
        directory = fixture.directory();
        membership = fixture.membership();
    }

    @AfterAll
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Account account(TestUser user) {
        return directory.findUser(user.samAccountName()).orElseThrow();
    }

    @Test
    void finds_a_user_by_sid_by_user_principal_name_and_by_sam_account_name() throws Exception {
        TestUser user = fixture.createUser("Lookup Person");
        SearchResultEntry entry = fixture.admin().getEntry(user.dn().toString(), "objectSid");
        String sid = SidCodec.decode(entry.getAttributeValueBytes("objectSid"));

        Account bySam = directory.findUser(user.samAccountName()).orElseThrow();
        Account byUpn = directory.findUser(user.userPrincipalName()).orElseThrow();
        Account bySid = directory.findUser("sid:" + sid).orElseThrow();

        assertThat(bySam.id()).isEqualTo(sid).startsWith("S-1-5-21-");
        assertThat(List.of(bySam, byUpn, bySid)).allSatisfy(a -> {
            assertThat(a.id()).isEqualTo(sid);
            assertThat(new DN(a.dn())).isEqualTo(user.dn());
            assertThat(a.userPrincipalName()).isEqualToIgnoringCase(user.userPrincipalName());
            assertThat(a.enabled()).isTrue();
        });
    }

    @Test
    void an_unknown_or_malformed_reference_finds_nobody() {
        assertThat(directory.findUser("nobody-" + System.nanoTime())).isEmpty();
        assertThat(directory.findUser("sid:S-1-5-21-1-2-3-999999")).isEmpty();
        assertThat(directory.findUser("sid:not-a-sid")).isEmpty();
        assertThat(directory.findUser(" ")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GroupScope.class)
    void adds_and_removes_a_member_and_the_user_shows_the_membership(GroupScope scope) throws Exception {
        TestUser user = fixture.createUser("Member " + scope);
        DN group = fixture.createGroup("Managed " + scope, scope);
        Account account = account(user);

        membership.add(account, group.toString(), Instant.now().plusSeconds(3600));

        assertThat(membership.isDirectMember(account, group.toString())).isTrue();
        assertThat(fixture.groupsOf(user.dn())).contains(group);
        assertThat(directory.isTransitiveMember(account, group.toString())).isTrue();

        membership.remove(account, group.toString());

        assertThat(membership.isDirectMember(account, group.toString())).isFalse();
        assertThat(fixture.groupsOf(user.dn())).doesNotContain(group);
        assertThat(directory.isTransitiveMember(account, group.toString())).isFalse();
    }

    @Test
    void adding_twice_and_removing_twice_succeed_and_leave_one_or_no_member() throws Exception {
        TestUser user = fixture.createUser("Twice Person");
        DN group = fixture.createGroup("Twice Group", GroupScope.GLOBAL);
        Account account = account(user);

        membership.add(account, group.toString(), null);
        membership.add(account, group.toString(), null);
        assertThat(membership.directMemberDns(group.toString())).hasSize(1);

        membership.remove(account, group.toString());
        membership.remove(account, group.toString());
        assertThat(membership.directMemberDns(group.toString())).isEmpty();
    }

    @Test
    void reads_every_member_of_a_group_with_1600_members() throws Exception {
        List<DN> members = fixture.createUsers("Bulk", 1600);
        DN group = fixture.createGroup("Large Group", GroupScope.GLOBAL);
        fixture.addMembers(group, members);

        Set<DN> read = membership.directMemberDns(group.toString()).stream().map(DirectoryBehaviour::dn).collect(Collectors.toSet());

        assertThat(read).hasSize(1600).containsAll(members);
        if (fixture.honoursRangeRequests()) {
            // Samba does not cap unranged reads at MaxValRange as AD does, but honours explicit ranges: walk them
            SearchResultEntry first = fixture.admin().getEntry(group.toString(), "member;range=0-1499");
            assertThat(first.getAttributes()).extracting(Attribute::getName).containsExactly("member;range=0-1499");
            List<String> chunked = RangedAttribute.readAll(fixture.admin(), group, "member", 500);
            assertThat(chunked).hasSize(1600).doesNotHaveDuplicates();
        }
    }

    @Test
    void a_name_with_filter_and_dn_special_characters_is_handled_safely() throws Exception {
        TestUser odd = fixture.createUser("Odd *(name)\\ , Jr", "odd*(x)\\y" + System.nanoTime() % 100_000, true);
        TestUser other = fixture.createUser("Other Person");
        DN group = fixture.createGroup("Odd Group, (*)", GroupScope.UNIVERSAL);

        Account account = directory.findUser(odd.userPrincipalName()).orElseThrow();
        assertThat(new DN(account.dn())).isEqualTo(odd.dn());
        assertThat(directory.findUser(odd.samAccountName())).hasValueSatisfying(a -> assertThat(a.sameAs(account)).isTrue());
        // wildcards in a reference are literal characters, never a filter
        assertThat(directory.findUser("*")).isEmpty();
        assertThat(directory.findUser(other.samAccountName().substring(0, 4) + "*")).isEmpty();
        assertThat(directory.findUser("*)(sAMAccountName=*")).isEmpty();

        membership.add(account, group.toString(), null);
        assertThat(membership.isDirectMember(account, group.toString())).isTrue();
        assertThat(fixture.groupsOf(odd.dn())).contains(group);
        assertThat(membership.isDirectMember(account(other), group.toString())).isFalse();
        membership.remove(account, group.toString());
        assertThat(fixture.groupsOf(odd.dn())).doesNotContain(group);
    }

    @Test
    void a_disabled_user_is_flagged_and_refused_with_the_reason() throws Exception {
        TestUser user = fixture.createUser("Disabled Person", null, false);
        DN group = fixture.createGroup("Refusing Group", GroupScope.GLOBAL);

        Account account = directory.findUser(user.samAccountName()).orElseThrow();

        assertThat(account.enabled()).isFalse();
        assertThatThrownBy(() -> membership.add(account, group.toString(), null))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("disabled");
        assertThat(membership.isDirectMember(account, group.toString())).isFalse();
    }

    @Test
    void nested_groups_are_expanded_for_transitive_membership() throws Exception {
        TestUser inner = fixture.createUser("Inner Person");
        TestUser outer = fixture.createUser("Outer Person");
        TestUser outsider = fixture.createUser("Outsider Person");
        DN top = fixture.createGroup("Eligible Top", GroupScope.GLOBAL);
        DN nested = fixture.createGroup("Eligible Nested", GroupScope.GLOBAL);
        fixture.addMembers(nested, List.of(inner.dn()));
        fixture.addMembers(top, List.of(outer.dn(), nested));

        assertThat(directory.isTransitiveMember(account(inner), top.toString())).isTrue();
        assertThat(directory.isTransitiveMember(account(outer), top.toString())).isTrue();
        assertThat(directory.isTransitiveMember(account(outsider), top.toString())).isFalse();
        assertThat(directory.transitiveMembers(top.toString())).extracting(a -> dn(a.dn()))
                .containsExactlyInAnyOrder(inner.dn(), outer.dn());
    }

    @Test
    void the_manager_is_resolved_from_the_manager_attribute() throws Exception {
        TestUser boss = fixture.createUser("Boss Person");
        TestUser report = fixture.createUser("Report Person");
        fixture.setAttribute(report.dn(), "manager", boss.dn().toString());

        assertThat(directory.managerOf(account(report))).hasValueSatisfying(m -> assertThat(dn(m.dn())).isEqualTo(boss.dn()));
        assertThat(directory.managerOf(account(boss))).isEmpty();
    }

    @Test
    void a_distribution_group_is_refused() throws Exception {
        TestUser user = fixture.createUser("Mail Person");
        DN list = fixture.createGroup("Mailing List", 0x2);

        assertThatThrownBy(() -> membership.add(account(user), list.toString(), null))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("distribution group");
    }

    @Test
    void a_missing_group_is_a_permanent_error() throws Exception {
        TestUser user = fixture.createUser("Lost Person");
        String missing = DirectoryFixture.child(fixture.testOu(), "CN", "No Such Group").toString();

        assertThatThrownBy(() -> membership.add(account(user), missing, null))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("does not exist");
    }

    @Test
    void group_nesting_follows_ad_scope_rules_and_is_refused_with_ads_wording() throws Exception {
        DN universal = fixture.createGroup("Nest Universal", GroupScope.UNIVERSAL);
        DN local = fixture.createGroup("Nest Local", GroupScope.DOMAIN_LOCAL);
        DN global = fixture.createGroup("Nest Global", GroupScope.GLOBAL);

        assertThatThrownBy(() -> membership.addGroup(local.toString(), universal.toString()))
                .isInstanceOf(DirectoryException.class)
                .hasMessageContaining("A universal group cannot have a local group as a member.");
        membership.addGroup(global.toString(), universal.toString());
        membership.addGroup(universal.toString(), local.toString());

        assertThat(membership.directMemberDns(universal.toString())).extracting(DirectoryBehaviour::dn).containsExactly(global);
        assertThat(membership.directMemberDns(local.toString())).extracting(DirectoryBehaviour::dn).containsExactly(universal);
    }

    private static DN dn(String text) {
        try {
            return new DN(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
