package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.RDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the adapter needs to know about a group before writing to it.
 *
 * @param dn the group's DN
 * @param groupType AD's {@code groupType} (security bit 0x80000000 plus a scope bit)
 * @param protectedGroup adminCount=1: its permissions are reset from AdminSDHolder by SDProp
 * @param cloudSyncMarker set when Entra Cloud Sync provisions the group ({@code name=value} of the marking attribute)
 */
public record GroupInfo(DN dn, int groupType, boolean protectedGroup, Optional<String> cloudSyncMarker) {

    /** The security-enabled bit of {@code groupType}; groups without it are distribution lists. */
    public static final int SECURITY_ENABLED = 0x80000000;

    /** A group that Cloud Sync does not provision. */
    public GroupInfo(DN dn, int groupType, boolean protectedGroup) {
        this(dn, groupType, protectedGroup, Optional.empty());
    }

    public boolean security() {
        return (groupType & SECURITY_ENABLED) != 0;
    }

    public GroupScope scope() {
        return GroupScope.of(groupType);
    }

    /** The domain the group lives in: the trailing {@code DC=} components of its DN. */
    public DN domain() {
        return domainOf(dn);
    }

    /** The trailing {@code DC=} components of a DN, e.g. {@code DC=corp,DC=example}. */
    public static DN domainOf(DN dn) {
        RDN[] rdns = dn.getRDNs();
        List<RDN> dcs = new ArrayList<>();
        for (int i = rdns.length - 1; i >= 0 && rdns[i].hasAttribute("dc"); i--) {
            dcs.add(0, rdns[i]);
        }
        return new DN(dcs);
    }
}
