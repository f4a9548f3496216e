package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.jitgroups.core.directory.CloudSync;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.ldap.errors.LdapErrors;
import java.util.Optional;

/** Reads groups: their type, protection and provenance, and whether a DN is among their direct members. */
public final class Groups {

    /**
     * Attributes that say Entra Cloud Sync provisions the group. Schemas before Windows Server 2016 (and Samba's)
     * lack them; LDAP ignores unknown attributes in a request's attribute list, so asking is always safe.
     */
    public static final String EXTERNAL_ID = "msDS-ExternalDirectoryObjectId";
    public static final String OBJECT_SOA = "msDS-ObjectSoa";

    private Groups() {
    }

    /** The group at {@code dn}; a permanent DirectoryException when it is missing or not a group. */
    public static GroupInfo read(LDAPInterface ldap, DN dn) {
        SearchResultEntry entry;
        try {
            entry = ldap.getEntry(dn.toString(), "objectClass", "groupType", "adminCount", EXTERNAL_ID, OBJECT_SOA);
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
        return new GroupInfo(dn, groupType, adminCount != null && adminCount == 1, cloudSyncMarker(entry));
    }

    /** The attribute that marks the entry as provisioned by Entra Cloud Sync, as {@code name=value}, if any. */
    public static Optional<String> cloudSyncMarker(Entry entry) {
        return CloudSync.marker(entry.getAttributeValue(EXTERNAL_ID), entry.getAttributeValue(OBJECT_SOA));
    }

    /** The group at {@code dn}, refused unless it is a security group that JIT Groups may write. */
    public static GroupInfo readSecurityGroup(LDAPInterface ldap, DN dn) {
        GroupInfo group = read(ldap, dn);
        if (!group.security()) {
            throw new DirectoryException(dn + " is a distribution group (no security bit in groupType); only security "
                    + "groups grant access, so JIT Groups does not manage it", false);
        }
        if (group.cloudSyncMarker().isPresent()) {
            throw new DirectoryException(dn + " is provisioned by Entra Cloud Sync (" + group.cloudSyncMarker().get()
                    + "), which overwrites changes made in AD at every sync cycle; JIT Groups does not manage it", false);
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
