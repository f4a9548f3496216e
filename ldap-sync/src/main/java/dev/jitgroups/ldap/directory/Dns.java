package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.Dn;

/** Between core's {@link Dn} and the SDK's {@link DN}: both parse RFC 4514 strings, so the string form carries over. */
public final class Dns {

    private Dns() {
    }

    /** The SDK's DN for writing; a permanent DirectoryException should the SDK refuse what core accepted. */
    public static DN ldap(Dn dn) {
        try {
            return new DN(dn.toString());
        } catch (LDAPException e) {
            throw new DirectoryException("\"" + dn + "\" is not a valid distinguished name", false, e);
        }
    }

    /** Core's Dn of a DN the directory returned. */
    public static Dn core(String dn) {
        try {
            return Dn.parse(dn);
        } catch (IllegalArgumentException e) {
            // the SDK is more lenient (e.g. with needless escapes); its minimal encoding is plain RFC 4514
            try {
                return Dn.parse(new DN(dn).toMinimallyEncodedString());
            } catch (LDAPException | IllegalArgumentException again) {
                throw new DirectoryException("The directory returned \"" + dn + "\", which is not a distinguished name",
                        false, e);
            }
        }
    }

    public static Dn core(DN dn) {
        return core(dn.toString());
    }
}
