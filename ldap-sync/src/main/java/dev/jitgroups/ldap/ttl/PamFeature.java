package dev.jitgroups.ldap.ttl;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.jitgroups.ldap.errors.LdapErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Detects AD's Privileged Access Management optional feature (forest functional level 2016,
 * {@code Enable-ADOptionalFeature 'Privileged Access Management Feature'}). When it is enabled, the forest's
 * {@code CN=Partitions} container lists the feature's DN in {@code msDS-EnabledFeature}, and group members
 * may be added with a TTL after which the DC removes them itself. No server available to this project's tests
 * (Samba, the UnboundID in-memory directory) implements the feature: tests cover the detection against
 * entries written to look like an enabled forest, and Samba's answer (absent).
 */
public final class PamFeature {

    /** msDS-OptionalFeatureGUID of the Privileged Access Management Feature. */
    public static final String FEATURE_GUID = "ec43e873-cce8-4640-b4ab-07ffe4ab5bcd";

    private PamFeature() {
    }

    /** The feature object's DN under a configuration naming context. */
    public static DN featureDn(DN configurationDn) {
        return child(configurationDn, "CN=Privileged Access Management Feature,CN=Optional Features,"
                + "CN=Directory Service,CN=Windows NT,CN=Services");
    }

    /** True when the forest has the feature enabled. */
    public static boolean isEnabled(LDAPInterface ldap, DN domainDn) {
        try {
            DN configuration = configurationDn(ldap, domainDn);
            SearchResultEntry partitions = ldap.getEntry(child(configuration, "CN=Partitions").toString(), "msDS-EnabledFeature");
            if (partitions == null) {
                return false;
            }
            DN feature = featureDn(configuration);
            String[] enabled = partitions.getAttributeValues("msDS-EnabledFeature");
            for (String value : enabled == null ? new String[0] : enabled) {
                if (new DN(value).equals(feature)) {
                    return true;
                }
            }
            return false;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw LdapErrors.map(e, "Detecting the Privileged Access Management feature");
        }
    }

    /** The root DSE's configurationNamingContext; servers without one (in-memory) get CN=Configuration,&lt;domain&gt;. */
    static DN configurationDn(LDAPInterface ldap, DN domainDn) throws LDAPException {
        RootDSE root = ldap.getRootDSE();
        String configured = root == null ? null : root.getAttributeValue("configurationNamingContext");
        return configured != null ? new DN(configured) : new DN(new RDN("CN", "Configuration"), domainDn);
    }

    private static DN child(DN parent, String relative) {
        try {
            List<RDN> rdns = new ArrayList<>(List.of(new DN(relative).getRDNs()));
            rdns.addAll(List.of(parent.getRDNs()));
            return new DN(rdns);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
