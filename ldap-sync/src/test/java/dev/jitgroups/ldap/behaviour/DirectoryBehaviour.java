package dev.jitgroups.ldap.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.DirectoryGroup;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.GroupMember;
import dev.jitgroups.core.directory.MemberRef;
import dev.jitgroups.core.directory.Removal;
import dev.jitgroups.ldap.behaviour.DirectoryFixture.TestUser;
import dev.jitgroups.ldap.directory.Dns;
import dev.jitgroups.ldap.directory.GroupScope;
import dev.jitgroups.ldap.directory.LdapAccountDirectory;
import dev.jitgroups.ldap.directory.RangedAttribute;
import dev.jitgroups.ldap.directory.SidCodec;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private MemberRef ref(TestUser user) {
        return account(user).memberRef();
    }

    private static Dn group(DN dn) {
        return Dns.core(dn);
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
            assertThat(a.dn()).isEqualTo(Dns.core(user.dn()));
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

        MemberRef added = membership.add(account.memberRef(), group(group), Instant.now().plusSeconds(3600));

        assertThat(added.sid()).isEqualTo(account.id());
        assertThat(added.objectGuid()).isPresent();
        assertThat(membership.isDirectMember(account.memberRef(), group(group))).isTrue();
        assertThat(fixture.groupsOf(user.dn())).contains(group);
        assertThat(directory.isTransitiveMember(account, group(group))).isTrue();

        assertThat(membership.remove(account.memberRef(), group(group))).isEqualTo(Removal.REMOVED);

        assertThat(membership.isDirectMember(account.memberRef(), group(group))).isFalse();
        assertThat(fixture.groupsOf(user.dn())).doesNotContain(group);
        assertThat(directory.isTransitiveMember(account, group(group))).isFalse();
    }

    @Test
    void adding_twice_and_removing_twice_succeed_and_leave_one_or_no_member() throws Exception {
        TestUser user = fixture.createUser("Twice Person");
        DN group = fixture.createGroup("Twice Group", GroupScope.GLOBAL);
        MemberRef member = ref(user);

        membership.add(member, group(group), null);
        membership.add(member, group(group), null);
        assertThat(membership.directMembers(group(group))).hasSize(1);

        assertThat(membership.remove(member, group(group))).isEqualTo(Removal.REMOVED);
        assertThat(membership.remove(member, group(group))).isEqualTo(Removal.NOT_A_MEMBER);
        assertThat(membership.directMembers(group(group))).isEmpty();
    }

    @Test
    void a_member_renamed_with_special_characters_is_removed_by_its_sid_not_by_its_stale_dn() throws Exception {
        TestUser user = fixture.createUser("Stale Name");
        DN group = fixture.createGroup("Rename Group", GroupScope.GLOBAL);
        MemberRef asRequested = ref(user);
        membership.add(asRequested, group(group), null);

        DN renamed = fixture.rename(user.dn(), "Renamed, Person (x*)");

        // the directory keeps the membership by reference: the member value follows the rename
        assertThat(fixture.membersOf(group)).containsExactly(renamed);
        assertThat(membership.isDirectMember(asRequested, group(group))).isTrue();
        assertThat(membership.directMembers(group(group))).containsExactly(
                new GroupMember(Dns.core(renamed), Optional.of(asRequested.sid())));

        assertThat(membership.remove(asRequested, group(group))).isEqualTo(Removal.REMOVED);
        assertThat(fixture.membersOf(group)).isEmpty();
    }

    @Test
    void a_member_moved_to_another_ou_is_found_by_sid_and_added_under_its_current_dn() throws Exception {
        TestUser user = fixture.createUser("Moving Person");
        DN group = fixture.createGroup("Move Group", GroupScope.UNIVERSAL);
        MemberRef asRequested = ref(user);
        DN moved = fixture.move(user.dn(), fixture.createOu("Moved People"));

        MemberRef added = membership.add(asRequested, group(group), null);

        assertThat(added.lastKnownDn()).isEqualTo(Dns.core(moved));
        assertThat(fixture.membersOf(group)).containsExactly(moved);
        assertThat(membership.remove(asRequested, group(group))).isEqualTo(Removal.REMOVED);
        assertThat(fixture.membersOf(group)).isEmpty();
    }

    @Test
    void removing_a_deleted_account_reports_it_deleted_and_leaves_nothing_behind() throws Exception {
        TestUser user = fixture.createUser("Deleted Person");
        DN group = fixture.createGroup("Delete Group", GroupScope.GLOBAL);
        MemberRef member = ref(user);
        membership.add(member, group(group), null);

        fixture.delete(user.dn());

        assertThat(membership.remove(member, group(group))).isEqualTo(Removal.ACCOUNT_DELETED);
        assertThat(membership.isDirectMember(member, group(group))).isFalse();
        assertThat(fixture.membersOf(group)).isEmpty();
        assertThatThrownBy(() -> membership.add(member, group(group), null))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("no account with the SID");
    }

    @Test
    void reads_every_member_of_a_group_with_1600_members_with_its_sid() throws Exception {
        List<DN> members = fixture.createUsers("Bulk", 1600);
        DN group = fixture.createGroup("Large Group", GroupScope.GLOBAL);
        fixture.addMembers(group, members);

        List<GroupMember> read = membership.directMembers(group(group));

        assertThat(read.stream().map(GroupMember::dn).collect(Collectors.toSet()))
                .hasSize(1600).containsAll(members.stream().map(Dns::core).toList());
        assertThat(read).allSatisfy(m -> assertThat(m.sid()).isPresent());
        assertThat(read.stream().map(m -> m.sid().orElseThrow()).distinct()).hasSize(1600);
        if (fixture.honoursRangeRequests()) {
            // Samba does not cap unranged reads at MaxValRange as AD does, but honours explicit ranges: walk them
            SearchResultEntry first = fixture.admin().getEntry(group.toString(), "member;range=0-1499");
            assertThat(first.getAttributes()).extracting(Attribute::getName).containsExactly("member;range=0-1499");
            List<String> chunked = RangedAttribute.readAll(fixture.admin(), group, "member", 500);
            assertThat(chunked).hasSize(1600).doesNotHaveDuplicates();
        }
    }

    @Test
    void a_nested_group_is_a_member_with_its_own_sid() throws Exception {
        DN outer = fixture.createGroup("Outer Members", GroupScope.UNIVERSAL);
        DN inner = fixture.createGroup("Inner Members", GroupScope.GLOBAL);
        fixture.addMembers(outer, List.of(inner));
        String innerSid = SidCodec.decode(fixture.admin().getEntry(inner.toString(), "objectSid")
                .getAttributeValueBytes("objectSid"));

        assertThat(membership.directMembers(group(outer))).containsExactly(new GroupMember(Dns.core(inner),
                Optional.of(innerSid)));
    }

    @Test
    void a_group_is_found_by_its_guid_after_a_rename_and_by_dn_only_where_it_is() throws Exception {
        DN group = fixture.createGroup("Findable Group", GroupScope.GLOBAL);
        DirectoryGroup first = membership.findGroup(group(group), Optional.empty()).orElseThrow();
        assertThat(first.dn()).isEqualTo(group(group));
        assertThat(first.cloudSyncMarker()).isEmpty();

        DN renamed = fixture.move(fixture.rename(group, "Found Again, (Group)"), fixture.createOu("Moved Groups"));

        assertThat(membership.findGroup(group(group), Optional.of(first.objectGuid())))
                .hasValueSatisfying(g -> {
                    assertThat(g.dn()).isEqualTo(group(renamed));
                    assertThat(g.objectGuid()).isEqualTo(first.objectGuid());
                });
        assertThat(membership.findGroup(group(group), Optional.empty())).isEmpty();
    }

    @Test
    void a_group_provisioned_by_entra_cloud_sync_is_recognised_and_never_written() throws Exception {
        assumeTrue(fixture.knowsCloudSyncAttributes(), fixture.name() + " has no Cloud Sync attributes in its schema");
        TestUser user = fixture.createUser("Cloud Person");
        DN synced = fixture.createGroup("Cloud Group", GroupScope.UNIVERSAL);
        DN enforced = fixture.createGroup("Cloud Enforced Group", GroupScope.UNIVERSAL);
        fixture.setAttribute(synced, "msDS-ExternalDirectoryObjectId", "Group_0f6a1c2e-1111-2222-3333-444455556666");
        fixture.setAttribute(enforced, "msDS-ObjectSoa", "Cloud");

        assertThat(membership.findGroup(group(synced), Optional.empty()).orElseThrow().cloudSyncMarker())
                .contains("msDS-ExternalDirectoryObjectId=Group_0f6a1c2e-1111-2222-3333-444455556666");
        assertThat(membership.findGroup(group(enforced), Optional.empty()).orElseThrow().cloudSyncMarker())
                .contains("msDS-ObjectSoa=Cloud");
        for (DN group : List.of(synced, enforced)) {
            assertThatThrownBy(() -> membership.add(ref(user), group(group), null))
                    .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("Entra Cloud Sync");
            assertThat(fixture.membersOf(group)).isEmpty();
        }
    }

    @Test
    void a_directory_without_the_cloud_sync_attributes_reads_groups_as_ad_only() throws Exception {
        DN group = fixture.createGroup("Plain Group", GroupScope.GLOBAL);
        TestUser user = fixture.createUser("Plain Person");

        assertThat(membership.findGroup(group(group), Optional.empty()).orElseThrow().cloudSyncMarker()).isEmpty();
        membership.add(ref(user), group(group), null);
        assertThat(fixture.membersOf(group)).containsExactly(user.dn());
    }

    @Test
    void a_name_with_filter_and_dn_special_characters_is_handled_safely() throws Exception {
        TestUser odd = fixture.createUser("Odd *(name)\\ , Jr", "odd*(x)\\y" + System.nanoTime() % 100_000, true);
        TestUser other = fixture.createUser("Other Person");
        DN group = fixture.createGroup("Odd Group, (*)", GroupScope.UNIVERSAL);

        Account account = directory.findUser(odd.userPrincipalName()).orElseThrow();
        assertThat(account.dn()).isEqualTo(Dns.core(odd.dn()));
        assertThat(directory.findUser(odd.samAccountName())).hasValueSatisfying(a -> assertThat(a.sameAs(account)).isTrue());
        // wildcards in a reference are literal characters, never a filter
        assertThat(directory.findUser("*")).isEmpty();
        assertThat(directory.findUser(other.samAccountName().substring(0, 4) + "*")).isEmpty();
        assertThat(directory.findUser("*)(sAMAccountName=*")).isEmpty();

        membership.add(account.memberRef(), group(group), null);
        assertThat(membership.isDirectMember(account.memberRef(), group(group))).isTrue();
        assertThat(fixture.groupsOf(odd.dn())).contains(group);
        assertThat(membership.isDirectMember(ref(other), group(group))).isFalse();
        assertThat(membership.directMembers(group(group))).extracting(GroupMember::dn).containsExactly(Dns.core(odd.dn()));
        membership.remove(account.memberRef(), group(group));
        assertThat(fixture.groupsOf(odd.dn())).doesNotContain(group);
    }

    @Test
    void a_disabled_user_is_flagged_and_refused_with_the_reason() throws Exception {
        TestUser user = fixture.createUser("Disabled Person", null, false);
        DN group = fixture.createGroup("Refusing Group", GroupScope.GLOBAL);

        Account account = directory.findUser(user.samAccountName()).orElseThrow();

        assertThat(account.enabled()).isFalse();
        assertThatThrownBy(() -> membership.add(account.memberRef(), group(group), null))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("disabled");
        assertThat(membership.isDirectMember(account.memberRef(), group(group))).isFalse();
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

        assertThat(directory.isTransitiveMember(account(inner), group(top))).isTrue();
        assertThat(directory.isTransitiveMember(account(outer), group(top))).isTrue();
        assertThat(directory.isTransitiveMember(account(outsider), group(top))).isFalse();
        assertThat(directory.transitiveMembers(group(top))).extracting(Account::dn)
                .containsExactlyInAnyOrder(Dns.core(inner.dn()), Dns.core(outer.dn()));
    }

    @Test
    void the_manager_is_resolved_from_the_manager_attribute_of_the_account_found_by_sid() throws Exception {
        TestUser boss = fixture.createUser("Boss Person");
        TestUser report = fixture.createUser("Report Person");
        fixture.setAttribute(report.dn(), "manager", boss.dn().toString());
        MemberRef asRequested = ref(report);
        fixture.rename(report.dn(), "Report Person Renamed");

        assertThat(directory.managerOf(asRequested)).hasValueSatisfying(m -> assertThat(m.dn()).isEqualTo(Dns.core(boss.dn())));
        assertThat(directory.managerOf(ref(boss))).isEmpty();
    }

    @Test
    void a_distribution_group_is_refused() throws Exception {
        TestUser user = fixture.createUser("Mail Person");
        DN list = fixture.createGroup("Mailing List", 0x2);

        assertThatThrownBy(() -> membership.add(ref(user), group(list), null))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("distribution group");
    }

    @Test
    void a_missing_group_is_a_permanent_error() throws Exception {
        TestUser user = fixture.createUser("Lost Person");
        Dn missing = Dns.core(DirectoryFixture.child(fixture.testOu(), "CN", "No Such Group"));

        assertThatThrownBy(() -> membership.add(ref(user), missing, null))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("does not exist");
        assertThat(membership.findGroup(missing, Optional.empty())).isEmpty();
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

        assertThat(membership.directMembers(group(universal))).extracting(GroupMember::dn).containsExactly(group(global));
        assertThat(membership.directMembers(group(local))).extracting(GroupMember::dn).containsExactly(group(universal));
    }
}
