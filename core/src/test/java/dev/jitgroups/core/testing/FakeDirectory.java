package dev.jitgroups.core.testing;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.CloudSync;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.DirectoryGroup;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.GroupMember;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.MemberRef;
import dev.jitgroups.core.directory.Removal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory stand-in for core's directory ports, as the core issue asks: core's tests exercise the workflow, not
 * LDAP (ldap-sync is tested against real directories). Like AD, a group holds its members by reference: renaming or
 * moving an account keeps its memberships, deleting it takes it out of every group. Failures can be injected.
 */
public final class FakeDirectory implements AccountDirectory, GroupMembership {

    private final Map<String, Account> users = new LinkedHashMap<>();
    private final Map<String, String> managers = new ConcurrentHashMap<>();
    /** Per group: member SIDs (accounts), DNs of nested groups, and other DNs (contacts, foreign objects). */
    private final Map<Dn, Set<String>> memberSids = new ConcurrentHashMap<>();
    private final Map<Dn, Set<Dn>> nestedGroups = new ConcurrentHashMap<>();
    private final Map<Dn, Set<Dn>> otherMembers = new ConcurrentHashMap<>();
    private final Map<Dn, String> groupGuids = new ConcurrentHashMap<>();
    private final Map<Dn, String> cloudSynced = new ConcurrentHashMap<>();
    private final AtomicInteger adds = new AtomicInteger();
    private final AtomicInteger removes = new AtomicInteger();
    private volatile int failuresToInject;
    private volatile boolean permanentFailure;
    private volatile boolean unreachable;

    public static final String TIER0_APPROVERS = "CN=Tier0 Approvers,OU=Groups,DC=corp,DC=example";
    public static final String TIER0_ELIGIBLE = "CN=Tier0 Eligible,OU=Groups,DC=corp,DC=example";
    public static final String TIER0_ELIGIBLE_NESTED = "CN=Tier0 Eligible Nested,OU=Groups,DC=corp,DC=example";
    public static final String TIER0 = "CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example";
    public static final String HELPDESK = "CN=JIT Helpdesk Ops,OU=Privileged,DC=corp,DC=example";
    public static final String SERVERS = "CN=JIT Server Admins,OU=Privileged,DC=corp,DC=example";
    public static final String BULK = "CN=JIT Bulk Ops,OU=Privileged,DC=corp,DC=example";
    public static final String BULK_USERS = "CN=Bulk Users,OU=Groups,DC=corp,DC=example";
    public static final int BULK_USER_COUNT = 30;

    /** The demo forest used by core's tests. */
    public static FakeDirectory demo() {
        FakeDirectory d = new FakeDirectory();
        d.user("alice", 1101, true);
        d.user("bob", 1102, true);
        d.user("carol", 1103, true);
        d.user("dave", 1104, true);
        d.user("erin", 1105, true);
        d.user("mallory", 1106, false);
        d.user("sec", 1107, true);
        d.managers.put(d.find("alice").id(), d.find("erin").id());
        for (String group : List.of(TIER0_APPROVERS, TIER0_ELIGIBLE, TIER0_ELIGIBLE_NESTED, TIER0, HELPDESK, SERVERS, BULK,
                BULK_USERS)) {
            d.group(group);
        }
        d.members(TIER0_APPROVERS).addAll(List.of(d.find("carol").id(), d.find("dave").id(), d.find("alice").id()));
        d.members(TIER0_ELIGIBLE).add(d.find("bob").id());
        d.nestedGroups.get(Dn.parse(TIER0_ELIGIBLE)).add(Dn.parse(TIER0_ELIGIBLE_NESTED));
        d.members(TIER0_ELIGIBLE_NESTED).addAll(List.of(d.find("alice").id(), d.find("mallory").id()));
        for (int i = 1; i <= BULK_USER_COUNT; i++) {
            d.user(String.format("bulk%02d", i), 2000 + i, true);
            d.members(BULK_USERS).add(d.find(String.format("bulk%02d", i)).id());
        }
        return d;
    }

    private void group(String dn) {
        Dn group = Dn.parse(dn);
        memberSids.put(group, ConcurrentHashMap.newKeySet());
        nestedGroups.put(group, ConcurrentHashMap.newKeySet());
        otherMembers.put(group, ConcurrentHashMap.newKeySet());
        groupGuids.put(group, UUID.nameUUIDFromBytes(group.normalized().getBytes(StandardCharsets.UTF_8)).toString());
    }

    private Set<String> members(String groupDn) {
        return members(Dn.parse(groupDn));
    }

    private Set<String> members(Dn group) {
        Set<String> g = memberSids.get(group);
        if (g == null) {
            throw new DirectoryException("No such object: " + group, false);
        }
        return g;
    }

    private void user(String name, int rid, boolean enabled) {
        String sid = "S-1-5-21-1111111111-2222222222-3333333333-" + rid;
        users.put(sid, new Account(sid, "CN=" + name + ",OU=People,DC=corp,DC=example", name + "@corp.example", name,
                Character.toUpperCase(name.charAt(0)) + name.substring(1), enabled));
    }

    /** The account of a demo user by sAMAccountName. */
    public Account find(String sam) {
        return lookUp(sam).orElseThrow();
    }

    @Override
    public Optional<Account> findUser(String reference) {
        failIfUnreachable();
        return lookUp(reference);
    }

    private synchronized Optional<Account> lookUp(String reference) {
        String ref = reference.strip();
        return users.values().stream().filter(a -> ref.toLowerCase(Locale.ROOT).startsWith("sid:")
                ? ("sid:" + a.id()).equalsIgnoreCase(ref)
                : ref.contains("@") ? ref.equalsIgnoreCase(a.userPrincipalName()) : ref.equalsIgnoreCase(a.samAccountName()))
                .findFirst();
    }

    private synchronized Optional<Account> bySid(String sid) {
        return Optional.ofNullable(users.get(sid.toUpperCase(Locale.ROOT)));
    }

    @Override
    public boolean isTransitiveMember(Account user, Dn group) {
        failIfUnreachable();
        return expand(group, new HashSet<>()).contains(user.id());
    }

    private Set<String> expand(Dn group, Set<Dn> seen) {
        Set<String> out = new HashSet<>();
        if (!seen.add(group) || !memberSids.containsKey(group)) {
            return out;
        }
        out.addAll(memberSids.get(group));
        nestedGroups.get(group).forEach(nested -> out.addAll(expand(nested, seen)));
        return out;
    }

    @Override
    public List<Account> transitiveMembers(Dn group) {
        failIfUnreachable();
        Set<String> sids = expand(group, new HashSet<>());
        List<Account> out = new ArrayList<>();
        synchronized (this) {
            users.values().stream().filter(a -> sids.contains(a.id())).forEach(out::add);
        }
        return out;
    }

    @Override
    public Optional<Account> managerOf(MemberRef user) {
        failIfUnreachable();
        return Optional.ofNullable(managers.get(user.sid())).flatMap(this::bySid);
    }

    @Override
    public MemberRef add(MemberRef member, Dn group, Instant until) {
        maybeFail("add");
        Account account = bySid(member.sid()).orElseThrow(() -> new DirectoryException("Adding " + member.sid()
                + " failed: the account no longer exists in the directory", false));
        if (!account.enabled()) {
            throw new DirectoryException("Adding " + account.displayName() + " was refused: the account is disabled", false);
        }
        adds.incrementAndGet();
        members(group).add(account.id());
        return new MemberRef(account.id(), Optional.of(guidOf(account)), account.dn());
    }

    @Override
    public Removal remove(MemberRef member, Dn group) {
        maybeFail("remove");
        removes.incrementAndGet();
        if (bySid(member.sid()).isEmpty()) {
            return Removal.ACCOUNT_DELETED;
        }
        return members(group).remove(member.sid()) ? Removal.REMOVED : Removal.NOT_A_MEMBER;
    }

    @Override
    public void removeMemberValue(Dn memberValue, Dn group) {
        maybeFail("remove");
        removes.incrementAndGet();
        otherMembers.get(group).remove(memberValue);
        nestedGroups.get(group).remove(memberValue);
    }

    @Override
    public boolean isDirectMember(MemberRef member, Dn group) {
        return bySid(member.sid()).isPresent() && members(group).contains(member.sid());
    }

    @Override
    public List<GroupMember> directMembers(Dn group) {
        List<GroupMember> out = new ArrayList<>();
        for (String sid : members(group)) {
            bySid(sid).ifPresent(a -> out.add(new GroupMember(a.dn(), Optional.of(sid))));
        }
        nestedGroups.get(group).forEach(dn -> out.add(new GroupMember(dn, Optional.empty())));
        otherMembers.get(group).forEach(dn -> out.add(new GroupMember(dn, Optional.empty())));
        return out;
    }

    @Override
    public Optional<DirectoryGroup> findGroup(Dn dn, Optional<String> objectGuid) {
        Optional<Dn> byGuid = objectGuid.flatMap(guid -> groupGuids.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(guid)).map(Map.Entry::getKey).findFirst());
        Optional<Dn> found = byGuid.isPresent() ? byGuid : Optional.of(dn).filter(groupGuids::containsKey);
        return found.map(g -> new DirectoryGroup(g, groupGuids.get(g), CloudSync.marker(cloudSynced.get(g), null)));
    }

    private static String guidOf(Account account) {
        return UUID.nameUUIDFromBytes(account.id().getBytes(StandardCharsets.UTF_8)).toString();
    }

    // --- what an administrator does in AD behind the workflow's back ---

    /** Adds a member behind the workflow's back (drift): an account when the DN is one's, else another object. */
    public void addBehindTheBack(String groupDn, String memberDn) {
        Dn member = Dn.parse(memberDn);
        Optional<Account> account;
        synchronized (this) {
            account = users.values().stream().filter(a -> a.dn().equals(member)).findFirst();
        }
        if (account.isPresent()) {
            members(groupDn).add(account.get().id());
        } else {
            otherMembers.get(Dn.parse(groupDn)).add(member);
        }
    }

    /** Removes an account from a group behind the workflow's back. */
    public void removeBehindTheBack(String groupDn, String sam) {
        members(groupDn).remove(find(sam).id());
    }

    /** Renames or moves an account: its memberships follow it, as in AD. */
    public synchronized void rename(String sam, String newDn) {
        Account a = find(sam);
        users.put(a.id(), new Account(a.id(), Dn.parse(newDn), a.userPrincipalName(), a.samAccountName(), a.displayName(),
                a.enabled()));
    }

    /** Deletes an account: AD takes it out of every group with it. Returns it, for {@link #restore}. */
    public synchronized Account delete(String sam) {
        Account a = find(sam);
        users.remove(a.id());
        memberSids.values().forEach(m -> m.remove(a.id()));
        return a;
    }

    /** Brings a deleted account back (without its memberships), so that later tests find it. */
    public synchronized void restore(Account account) {
        users.put(account.id(), account);
    }

    /** Renames or moves a group; it keeps its objectGUID and members. */
    public void renameGroup(String oldDn, String newDn) {
        Dn from = Dn.parse(oldDn);
        Dn to = Dn.parse(newDn);
        memberSids.put(to, memberSids.remove(from));
        nestedGroups.put(to, nestedGroups.remove(from));
        otherMembers.put(to, otherMembers.remove(from));
        groupGuids.put(to, groupGuids.remove(from));
    }

    /** Marks a group as provisioned by Entra Cloud Sync ({@code msDS-ExternalDirectoryObjectId = Group_...}). */
    public void provisionByCloudSync(String groupDn) {
        cloudSynced.put(Dn.parse(groupDn), "Group_" + UUID.randomUUID());
    }

    // --- reading, for assertions ---

    /** True when the account is a direct member of the group now. */
    public boolean isDirectMember(Account user, String groupDn) {
        return isDirectMember(user.memberRef(), Dn.parse(groupDn));
    }

    /** The group's members' current DNs, as text. */
    public Set<String> directMemberDns(String groupDn) {
        Set<String> dns = new HashSet<>();
        directMembers(Dn.parse(groupDn)).forEach(m -> dns.add(m.dn().toString()));
        return dns;
    }

    /** Every read fails as when no domain controller answers, until {@code false} again. */
    public void setUnreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    private void failIfUnreachable() {
        if (unreachable) {
            throw new DirectoryException("Cannot connect to the directory (injected outage)", true);
        }
    }

    private void maybeFail(String op) {
        synchronized (this) {
            if (failuresToInject > 0) {
                failuresToInject--;
                throw new DirectoryException("LDAP server down (injected " + op + " failure)", true);
            }
            if (permanentFailure) {
                throw new DirectoryException("Insufficient access rights (injected " + op + " failure)", false);
            }
        }
    }

    /** The next {@code n} writes fail with a retryable error. */
    public synchronized void failNextWrites(int n) {
        failuresToInject = n;
    }

    public synchronized void failPermanently(boolean on) {
        permanentFailure = on;
    }

    public synchronized int pendingInjectedFailures() {
        return failuresToInject;
    }

    public int adds() {
        return adds.get();
    }

    public int removes() {
        return removes.get();
    }
}
