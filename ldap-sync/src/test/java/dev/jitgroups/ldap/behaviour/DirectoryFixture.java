package dev.jitgroups.ldap.behaviour;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.jitgroups.ldap.directory.GroupScope;
import dev.jitgroups.ldap.directory.LdapAccountDirectory;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory to run the behaviour suite against: an admin connection, a throw-away test OU
 * ({@code OU=JitTest-<random>}, deleted with its subtree on close) and builders for test users and groups.
 */
public abstract class DirectoryFixture implements AutoCloseable {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final LDAPConnectionPool admin;
    private final DN baseDn;
    private final String upnSuffix;
    private final String runId;
    private final DN testOu;
    private final AtomicInteger counter = new AtomicInteger();

    protected DirectoryFixture(LDAPConnectionPool admin, DN baseDn, String upnSuffix) throws LDAPException {
        this.admin = admin;
        this.baseDn = baseDn;
        this.upnSuffix = upnSuffix;
        this.runId = randomId(6);
        this.testOu = child(baseDn, "OU", "JitTest-" + runId);
        admin.add(new Entry(testOu, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "JitTest-" + runId)));
    }

    /** A short name for test reports. */
    public abstract String name();

    /** True when the server maintains {@code memberOf} on users (AD, Samba). */
    protected abstract boolean maintainsMemberOf();

    /** True when the server answers explicit {@code attribute;range=low-high} requests (AD, Samba). */
    public abstract boolean honoursRangeRequests();

    /** Adds what a real DC would generate on add (the in-memory server needs an objectSid from us). */
    protected abstract void addGeneratedAttributes(Entry entry, int serial);

    public LDAPConnectionPool admin() {
        return admin;
    }

    public DN baseDn() {
        return baseDn;
    }

    public DN testOu() {
        return testOu;
    }

    public LdapAccountDirectory directory() {
        return new LdapAccountDirectory(admin, baseDn);
    }

    public LdapGroupMembership membership() {
        return new LdapGroupMembership(admin, baseDn, false, Clock.systemUTC());
    }

    /** A new enabled user; returns its sAMAccountName (also the start of its UPN). */
    public TestUser createUser(String cn) throws LDAPException {
        return createUser(cn, null, true);
    }

    /** A new user with the given UPN local part (null: the sAMAccountName) and state. */
    public TestUser createUser(String cn, String upnLocalPart, boolean enabled) throws LDAPException {
        int serial = counter.incrementAndGet();
        String sam = "jt" + runId + "u" + serial;
        String upn = (upnLocalPart == null ? sam : upnLocalPart) + "@" + upnSuffix;
        DN dn = child(testOu, "CN", cn);
        // 0x220 normal account, no password required (0x222 adds ACCOUNTDISABLE): accepted by AD without a password
        Entry entry = new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", cn), new Attribute("sn", "Test"), new Attribute("sAMAccountName", sam),
                new Attribute("userPrincipalName", upn), new Attribute("displayName", cn),
                new Attribute("userAccountControl", enabled ? "544" : "546"));
        addGeneratedAttributes(entry, serial);
        admin.add(entry);
        return new TestUser(dn, sam, upn);
    }

    /** Many users, each named {@code prefix-<n>}; added over several pooled connections. */
    public List<DN> createUsers(String prefix, int count) throws Exception {
        List<DN> dns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dns.add(createUser(prefix + "-" + i).dn());
        }
        return dns;
    }

    public DN createGroup(String cn, GroupScope scope) throws LDAPException {
        return createGroup(cn, scope.securityGroupType());
    }

    public DN createGroup(String cn, int groupType) throws LDAPException {
        int serial = counter.incrementAndGet();
        DN dn = child(testOu, "CN", cn);
        Entry entry = new Entry(dn, new Attribute("objectClass", "top", "group"), new Attribute("cn", cn),
                new Attribute("sAMAccountName", "jt" + runId + "g" + serial), new Attribute("groupType", String.valueOf(groupType)));
        addGeneratedAttributes(entry, serial);
        admin.add(entry);
        return dn;
    }

    /** Adds members with one modify per batch of 500 values. */
    public void addMembers(DN group, List<DN> members) throws LDAPException {
        for (int from = 0; from < members.size(); from += 500) {
            List<String> batch = new ArrayList<>();
            for (DN member : members.subList(from, Math.min(members.size(), from + 500))) {
                batch.add(member.toString());
            }
            admin.modify(group.toString(), new Modification(ModificationType.ADD, "member", batch.toArray(new String[0])));
        }
    }

    /** An organizational unit under the test OU. */
    public DN createOu(String name) throws LDAPException {
        DN dn = child(testOu, "OU", name);
        admin.add(new Entry(dn, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", name)));
        return dn;
    }

    /** Renames an entry in place (a new CN): what an administrator does when someone changes their name. */
    public DN rename(DN entry, String newCn) throws LDAPException {
        RDN rdn = new RDN("CN", newCn);
        admin.modifyDN(entry.toString(), rdn.toString(), true);
        return new DN(rdn, entry.getParent());
    }

    /** Moves an entry to another container, keeping its name. */
    public DN move(DN entry, DN newParent) throws LDAPException {
        admin.modifyDN(entry.toString(), entry.getRDN().toString(), true, newParent.toString());
        return new DN(entry.getRDN(), newParent);
    }

    /** Deletes an entry, as an administrator deletes an account. */
    public void delete(DN entry) throws LDAPException {
        admin.delete(entry.toString());
    }

    /** The direct member values of a group, read by the admin connection. */
    public Set<DN> membersOf(DN group) throws LDAPException {
        Set<DN> members = new HashSet<>();
        SearchResultEntry entry = admin.getEntry(group.toString(), "member");
        String[] values = entry.getAttributeValues("member");
        for (String value : values == null ? new String[0] : values) {
            members.add(new DN(value));
        }
        return members;
    }

    /** The {@code jit.ldap.*} settings with which an application reaches this directory. */
    public abstract Map<String, String> applicationProperties();

    /** True when the schema has the attributes that mark groups provisioned by Entra Cloud Sync. */
    public abstract boolean knowsCloudSyncAttributes();

    public void setAttribute(DN entry, String attribute, String value) throws LDAPException {
        admin.modify(entry.toString(), new Modification(ModificationType.REPLACE, attribute, value));
    }

    /** The groups the user is a direct member of, as the server sees it: memberOf where maintained, else (member=dn). */
    public Set<DN> groupsOf(DN user) throws LDAPException {
        Set<DN> groups = new HashSet<>();
        if (maintainsMemberOf()) {
            SearchResultEntry entry = admin.getEntry(user.toString(), "memberOf");
            String[] values = entry.getAttributeValues("memberOf");
            for (String value : values == null ? new String[0] : values) {
                groups.add(new DN(value));
            }
        } else {
            Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"),
                    Filter.createEqualityFilter("member", user.toString()));
            for (SearchResultEntry e : admin.search(baseDn.toString(), SearchScope.SUB, filter, "1.1").getSearchEntries()) {
                groups.add(e.getParsedDN());
            }
        }
        return groups;
    }

    @Override
    public void close() throws Exception {
        try {
            // groups first (deleting a member of a large group rewrites the group's member list), then the rest deepest
            // first; entry by entry, as Samba's subtree-delete control is far slower on thousands of entries
            List<SearchResultEntry> entries = new ArrayList<>(admin.search(testOu.toString(), SearchScope.SUB,
                    Filter.createPresenceFilter("objectClass"), "objectClass").getSearchEntries());
            entries.sort(Comparator.comparing((SearchResultEntry e) -> !e.hasObjectClass("group"))
                    .thenComparing(e -> -parsed(e).getRDNs().length));
            for (SearchResultEntry entry : entries) {
                admin.delete(entry.getDN());
            }
        } finally {
            admin.close();
        }
    }

    private static DN parsed(SearchResultEntry entry) {
        try {
            return entry.getParsedDN();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    static DN child(DN parent, String attribute, String value) {
        List<RDN> rdns = new ArrayList<>();
        rdns.add(new RDN(attribute, value));
        rdns.addAll(List.of(parent.getRDNs()));
        return new DN(rdns);
    }

    static String randomId(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A user created by the fixture. */
    public record TestUser(DN dn, String samAccountName, String userPrincipalName) {
    }
}
