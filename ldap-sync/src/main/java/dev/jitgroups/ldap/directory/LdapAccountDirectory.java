package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.MemberRef;
import dev.jitgroups.ldap.errors.LdapErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AccountDirectory} over LDAP. Group nesting is expanded here, in code, rather than with AD's IN_CHAIN
 * matching rule, so that the same code runs against AD, Samba and the in-memory directory.
 */
public final class LdapAccountDirectory implements AccountDirectory {

    /** The upward walk stops after this many levels of nesting (cycles, which AD allows, end it earlier). */
    private static final int MAX_DEPTH = 32;

    /** Expanding stops after this many groups: a guard against pathological nesting, not a limit met in practice. */
    private static final int MAX_GROUPS = 10_000;

    private final LDAPInterface ldap;
    private final DN baseDn;

    public LdapAccountDirectory(LDAPInterface ldap, DN baseDn) {
        this.ldap = ldap;
        this.baseDn = baseDn;
    }

    @Override
    public Optional<Account> findUser(String reference) {
        Optional<Filter> byReference = referenceFilter(reference);
        if (byReference.isEmpty()) {
            return Optional.empty();
        }
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "user"), byReference.get());
        SearchRequest request = new SearchRequest(baseDn.toString(), SearchScope.SUB, filter, UserEntries.ATTRIBUTES);
        request.setSizeLimit(2);
        SearchResult result;
        try {
            result = ldap.search(request);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw new DirectoryException("More than one account matches \"" + reference + "\"; use the SID or UPN", false, e);
            }
            throw LdapErrors.map(e, "Looking up the user " + reference);
        }
        if (result.getEntryCount() > 1) {
            throw new DirectoryException("More than one account matches \"" + reference + "\"; use the SID or UPN", false);
        }
        return result.getSearchEntries().stream().filter(UserEntries::isUser).findFirst().flatMap(UserEntries::toAccount);
    }

    /** The filter for a reference: {@code sid:S-1-5-...}, a UPN (has {@code @}), else a sAMAccountName. */
    static Optional<Filter> referenceFilter(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.strip();
        if (ref.regionMatches(true, 0, "sid:", 0, 4)) {
            String sid = ref.substring(4).strip();
            return SidCodec.isSid(sid) ? Optional.of(Filter.createEqualityFilter("objectSid", SidCodec.encode(sid)))
                    : Optional.empty();
        }
        if (ref.contains("@")) {
            return Optional.of(Filter.createEqualityFilter("userPrincipalName", ref));
        }
        return Optional.of(Filter.createEqualityFilter("sAMAccountName", ref));
    }

    @Override
    public boolean isTransitiveMember(Account user, Dn group) {
        DN target = Dns.ldap(group);
        Set<DN> seen = new HashSet<>();
        List<DN> level = List.of(Dns.ldap(user.dn()));
        try {
            // walk upwards from the user: groups that contain the current level, until the target or the top
            for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
                List<DN> parents = groupsContainingAny(level);
                if (parents.contains(target)) {
                    return true;
                }
                List<DN> next = new ArrayList<>();
                for (DN parent : parents) {
                    if (seen.add(parent)) {
                        next.add(parent);
                    }
                }
                level = next;
            }
            return false;
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "Checking whether " + user.displayName() + " is a member of " + group);
        }
    }

    private List<DN> groupsContainingAny(List<DN> members) throws LDAPException {
        List<Filter> anyMember = new ArrayList<>();
        for (DN member : members) {
            anyMember.add(Filter.createEqualityFilter("member", member.toString()));
        }
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"),
                Filter.createORFilter(anyMember));
        List<DN> groups = new ArrayList<>();
        for (SearchResultEntry entry : ldap.search(baseDn.toString(), SearchScope.SUB, filter, "1.1").getSearchEntries()) {
            groups.add(entry.getParsedDN());
        }
        return groups;
    }

    @Override
    public List<Account> transitiveMembers(Dn top) {
        Map<DN, Account> users = new LinkedHashMap<>();
        Set<DN> seenGroups = new HashSet<>();
        Deque<DN> pending = new ArrayDeque<>();
        pending.add(Dns.ldap(top));
        try {
            while (!pending.isEmpty()) {
                DN group = pending.poll();
                if (!seenGroups.add(group) || seenGroups.size() > MAX_GROUPS) {
                    continue;
                }
                for (String memberDn : RangedAttribute.readAll(ldap, group, "member")) {
                    DN member = parse(memberDn);
                    if (users.containsKey(member) || seenGroups.contains(member)) {
                        continue;
                    }
                    SearchResultEntry entry = ldap.getEntry(member.toString(), UserEntries.ATTRIBUTES);
                    if (entry == null) {
                        continue;
                    }
                    if (UserEntries.isGroup(entry)) {
                        pending.add(member);
                    } else if (UserEntries.isUser(entry)) {
                        UserEntries.toAccount(entry).ifPresent(a -> users.put(member, a));
                    }
                }
            }
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "Reading the members of " + top);
        }
        return List.copyOf(users.values());
    }

    @Override
    public Optional<Account> managerOf(MemberRef user) {
        try {
            Optional<SidLookup.Found> found = SidLookup.find(ldap, baseDn, user.sid());
            SearchResultEntry entry = found.isEmpty() ? null : ldap.getEntry(found.get().dn().toString(), "manager");
            String managerDn = entry == null ? null : entry.getAttributeValue("manager");
            if (managerDn == null) {
                return Optional.empty();
            }
            SearchResultEntry manager = ldap.getEntry(managerDn, UserEntries.ATTRIBUTES);
            return manager != null && UserEntries.isUser(manager) ? UserEntries.toAccount(manager) : Optional.empty();
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "Reading the manager of " + user.sid() + " (" + user.lastKnownDn() + ")");
        }
    }

    static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new DirectoryException("\"" + dn + "\" is not a valid distinguished name", false, e);
        }
    }
}
