package dev.jitgroups.ldap.membership;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.DirectoryGroup;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.ldap.directory.Dns;
import dev.jitgroups.ldap.directory.Groups;
import dev.jitgroups.ldap.directory.GuidCodec;
import dev.jitgroups.ldap.errors.LdapErrors;
import java.util.List;
import java.util.Optional;

/** Finds a managed group by its objectGUID (which survives renames and moves) or, failing that, by DN. */
final class GroupLookup {

    private static final String[] ATTRIBUTES = {"objectClass", "objectGUID", "entryUUID", Groups.EXTERNAL_ID, Groups.OBJECT_SOA};

    private final LDAPInterface ldap;
    private final DN base;

    GroupLookup(LDAPInterface ldap, DN base) {
        this.ldap = ldap;
        this.base = base;
    }

    Optional<DirectoryGroup> find(Dn dn, Optional<String> objectGuid) {
        try {
            if (objectGuid.isPresent()) {
                SearchRequest byGuid = new SearchRequest(base.toString(), SearchScope.SUB, Filter.createANDFilter(
                        Filter.createEqualityFilter("objectClass", "group"),
                        Filter.createEqualityFilter("objectGUID", GuidCodec.encode(objectGuid.get()))), ATTRIBUTES);
                byGuid.setSizeLimit(1);
                List<SearchResultEntry> found = ldap.search(byGuid).getSearchEntries();
                if (!found.isEmpty()) {
                    return Optional.of(group(found.get(0)));
                }
            }
            SearchResultEntry entry = ldap.getEntry(Dns.ldap(dn).toString(), ATTRIBUTES);
            return entry != null && entry.hasObjectClass("group") ? Optional.of(group(entry)) : Optional.empty();
        } catch (LDAPException e) {
            throw LdapErrors.map(e, "Looking up the group " + dn);
        }
    }

    private static DirectoryGroup group(SearchResultEntry entry) {
        byte[] guid = entry.getAttributeValueBytes("objectGUID");
        // directories without objectGUID (not AD) identify entries by entryUUID
        String id = guid != null ? GuidCodec.decode(guid) : entry.getAttributeValue("entryUUID");
        if (id == null) {
            throw new DirectoryException("The group " + entry.getDN() + " has no objectGUID", false);
        }
        return new DirectoryGroup(Dns.core(entry.getDN()), id, Groups.cloudSyncMarker(entry));
    }
}
