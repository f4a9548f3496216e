package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.jitgroups.core.directory.MemberRef;
import java.util.List;
import java.util.Optional;

/**
 * Finds an account, or any other security principal, by objectSid: who a member is now, whatever its name. The
 * filter carries the binary SID built by the SDK, never a string put together by hand.
 */
public final class SidLookup {

    private static final String[] ATTRIBUTES = {"objectClass", "objectSid", "objectGUID", "userAccountControl"};

    private SidLookup() {
    }

    /**
     * An account as found.
     *
     * @param disabled a user account with ACCOUNTDISABLE set in userAccountControl
     */
    public record Found(DN dn, String sid, Optional<String> objectGuid, boolean disabled) {

        /** The account as core's member reference, with its current DN. */
        public MemberRef ref() {
            return new MemberRef(sid, objectGuid, Dns.core(dn));
        }
    }

    /** The principal with this SID under {@code base}, or empty when there is none (it was deleted). */
    public static Optional<Found> find(LDAPInterface ldap, DN base, String sid) throws LDAPException {
        SearchRequest request = new SearchRequest(base.toString(), SearchScope.SUB,
                Filter.createEqualityFilter("objectSid", SidCodec.encode(sid)), ATTRIBUTES);
        request.setSizeLimit(2);
        List<SearchResultEntry> entries = ldap.search(request).getSearchEntries();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        SearchResultEntry entry = entries.get(0);
        byte[] guid = entry.getAttributeValueBytes("objectGUID");
        Integer uac = entry.getAttributeValueAsInteger("userAccountControl");
        boolean disabled = uac != null && (uac & UserEntries.ACCOUNT_DISABLED) != 0;
        return Optional.of(new Found(entry.getParsedDN(), sid, Optional.ofNullable(guid).map(GuidCodec::decode), disabled));
    }
}
