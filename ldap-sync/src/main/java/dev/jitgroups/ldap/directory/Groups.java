package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.ldap.errors.LdapErrors;

/** Reads groups: their type and protection, and whether a DN is among their direct members. */
public final class Groups {

    private Groups() {
    }

    /** The group at {@code dn}; a permanent DirectoryException when it is missing or not a group. */
    public static GroupInfo read(LDAPInterface ldap, DN dn) {
        SearchResultEntry entry;
        try {
            entry = ldap.getEntry(dn.toString(), "objectClass", "groupType", "adminCount");
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "Reading the group " + dn);
        }
        if (entry == null) {
            throw new DirectoryException("The group " + dn + " does not exist in the directory; check its DN in the "
                    + "configuration", false);
        }
        Integer groupType = entry.getAttributeValueAsInteger("groupType");
        if (!entry.hasObjectClass("group") || groupType == null) {
            throw new DirectoryException(dn + " is not a group", false);
        }
        Integer adminCount = entry.getAttributeValueAsInteger("adminCount");
        return new GroupInfo(dn, groupType, adminCount != null && adminCount == 1);
    }

    /** The group at {@code dn}, refused unless it is a security group. */
    public static GroupInfo readSecurityGroup(LDAPInterface ldap, DN dn) {
        GroupInfo group = read(ldap, dn);
        if (!group.security()) {
            throw new DirectoryException(dn + " is a distribution group (no security bit in groupType); only security "
                    + "groups grant access, so JIT Groups does not manage it", false);
        }
        return group;
    }

    /** True when {@code memberDn} is a direct member; asks the server (DN matching is the server's). */
    public static boolean hasDirectMember(LDAPInterface ldap, DN groupDn, DN memberDn) throws LDAPException {
        SearchResultEntry hit = ldap.searchForEntry(groupDn.toString(), SearchScope.BASE,
                Filter.createEqualityFilter("member", memberDn.toString()), "1.1");
        return hit != null;
    }
}
