package dev.jitgroups.core.testing;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.GroupMembership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory stand-in for core's directory ports, as the core issue asks: core's tests exercise the
 * workflow, not LDAP (ldap-sync is tested against real directories). Failures can be injected.
 */
public final class FakeDirectory implements AccountDirectory, GroupMembership {

    private final Map<String, Account> users = new LinkedHashMap<>();
    private final Map<String, String> managers = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
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
        d.members.put(TIER0_APPROVERS, set(d.find("carol").dn(), d.find("dave").dn(), d.find("alice").dn()));
        d.members.put(TIER0_ELIGIBLE, set(d.find("bob").dn(), TIER0_ELIGIBLE_NESTED));
        d.members.put(TIER0_ELIGIBLE_NESTED, set(d.find("alice").dn(), d.find("mallory").dn()));
        d.members.put(TIER0, ConcurrentHashMap.newKeySet());
        d.members.put(HELPDESK, ConcurrentHashMap.newKeySet());
        d.members.put(SERVERS, ConcurrentHashMap.newKeySet());
        d.members.put(BULK, ConcurrentHashMap.newKeySet());
        Set<String> bulkUsers = ConcurrentHashMap.newKeySet();
        for (int i = 1; i <= BULK_USER_COUNT; i++) {
            d.user(String.format("bulk%02d", i), 2000 + i, true);
            bulkUsers.add(d.find(String.format("bulk%02d", i)).dn());
        }
        d.members.put(BULK_USERS, bulkUsers);
        return d;
    }

    private static Set<String> set(String... values) {
        Set<String> s = ConcurrentHashMap.newKeySet();
        s.addAll(List.of(values));
        return s;
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

    @Override
    public boolean isTransitiveMember(Account user, String groupDn) {
        failIfUnreachable();
        return expand(groupDn, new HashSet<>()).contains(user.dn().toLowerCase(Locale.ROOT));
    }

    private Set<String> expand(String groupDn, Set<String> seen) {
        Set<String> out = new HashSet<>();
        if (!seen.add(groupDn.toLowerCase(Locale.ROOT))) {
            return out;
        }
        for (String m : members.getOrDefault(groupDn, Set.of())) {
            if (members.containsKey(m)) {
                out.addAll(expand(m, seen));
            } else {
                out.add(m.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    @Override
    public List<Account> transitiveMembers(String groupDn) {
        failIfUnreachable();
        Set<String> dns = expand(groupDn, new HashSet<>());
        List<Account> out = new ArrayList<>();
        users.values().stream().filter(a -> dns.contains(a.dn().toLowerCase(Locale.ROOT))).forEach(out::add);
        return out;
    }

    @Override
    public Optional<Account> managerOf(Account user) {
        failIfUnreachable();
        return Optional.ofNullable(managers.get(user.id())).map(users::get);
    }

    @Override
    public void add(Account user, String groupDn, Instant until) {
        maybeFail("add");
        adds.incrementAndGet();
        group(groupDn).add(user.dn());
    }

    @Override
    public void remove(Account user, String groupDn) {
        maybeFail("remove");
        removes.incrementAndGet();
        group(groupDn).remove(user.dn());
    }

    @Override
    public boolean isDirectMember(Account user, String groupDn) {
        return group(groupDn).contains(user.dn());
    }

    @Override
    public Set<String> directMemberDns(String groupDn) {
        return Set.copyOf(group(groupDn));
    }

    /** Adds a member behind the workflow's back (drift). */
    public void addBehindTheBack(String groupDn, String memberDn) {
        group(groupDn).add(memberDn);
    }

    private Set<String> group(String dn) {
        Set<String> g = members.get(dn);
        if (g == null) {
            throw new DirectoryException("No such object: " + dn, false);
        }
        return g;
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
