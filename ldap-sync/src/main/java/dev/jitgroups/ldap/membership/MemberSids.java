package dev.jitgroups.ldap.membership;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.jitgroups.core.directory.GroupMember;
import dev.jitgroups.ldap.directory.Dns;
import dev.jitgroups.ldap.directory.SidCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objectSid of each member value of a group, with one search per chunk of members: an OR of equality filters on
 * the entry's own DN. AD and Samba index {@code distinguishedName}; other servers (the UnboundID in-memory directory)
 * offer {@code entryDN} instead, which they also match as a DN. memberOf, AD's back-link, would avoid the OR, but
 * the in-memory directory does not maintain it, and this way one code path serves both.
 */
final class MemberSids {

    /** Filters stay far below AD's limits (MaxQueryDuration, the 10 MB receive buffer) at this size. */
    static final int CHUNK = 100;

    /** Advertised in the root DSE's supportedCapabilities by AD and Samba (LDAP_CAP_ACTIVE_DIRECTORY_OID). */
    private static final String ACTIVE_DIRECTORY = "1.2.840.113556.1.4.800";

    private final LDAPInterface ldap;
    private final DN base;
    private volatile String dnAttribute;

    MemberSids(LDAPInterface ldap, DN base) {
        this.ldap = ldap;
        this.base = base;
    }

    List<GroupMember> resolve(List<String> memberValues) throws LDAPException {
        Map<DN, String> sids = new HashMap<>();
        for (int from = 0; from < memberValues.size(); from += CHUNK) {
            List<Filter> anyOf = new ArrayList<>();
            for (String value : memberValues.subList(from, Math.min(memberValues.size(), from + CHUNK))) {
                anyOf.add(Filter.createEqualityFilter(dnAttribute(), value));
            }
            for (SearchResultEntry entry : ldap.search(base.toString(), SearchScope.SUB, Filter.createORFilter(anyOf),
                    "objectSid").getSearchEntries()) {
                byte[] sid = entry.getAttributeValueBytes("objectSid");
                if (sid != null) {
                    sids.put(entry.getParsedDN(), SidCodec.decode(sid));
                }
            }
        }
        List<GroupMember> members = new ArrayList<>();
        for (String value : memberValues) {
            // values outside the base (another domain) and objects without a SID (contacts) stay without one
            members.add(new GroupMember(Dns.core(value), Optional.ofNullable(sids.get(new DN(value)))));
        }
        return members;
    }

    private String dnAttribute() throws LDAPException {
        if (dnAttribute == null) {
            SearchResultEntry root = ldap.getEntry("", "supportedCapabilities");
            boolean activeDirectory = root != null && root.hasAttributeValue("supportedCapabilities", ACTIVE_DIRECTORY);
            dnAttribute = activeDirectory ? "distinguishedName" : "entryDN";
        }
        return dnAttribute;
    }
}
