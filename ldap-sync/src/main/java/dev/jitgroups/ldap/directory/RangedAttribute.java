package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every value of a multi-valued attribute. Active Directory (and Samba) return at most MaxValRange values
 * (1,500 by default) as {@code member;range=0-1499} and expect the client to ask for {@code member;range=1500-*}
 * and so on until the upper bound is {@code *}. Servers without ranged retrieval return the plain attribute.
 */
public final class RangedAttribute {

    private static final int MAX_ROUNDS = 100_000;

    private RangedAttribute() {
    }

    /**
     * All values of {@code attribute} of the entry {@code dn}, letting the server choose the chunk size (AD: its
     * MaxValRange); NO_SUCH_OBJECT when the entry is missing.
     */
    public static List<String> readAll(LDAPInterface ldap, DN dn, String attribute) throws LDAPException {
        return readAll(ldap, dn, attribute, 0);
    }

    /**
     * All values, asking for chunks of {@code chunk} values ({@code attribute;range=0-(chunk-1)} and on) when
     * {@code chunk > 0}: for servers that honour explicit ranges but do not cap unranged reads (Samba), and for
     * tests of the ranged path. Servers without ranged retrieval need {@code chunk == 0}.
     */
    public static List<String> readAll(LDAPInterface ldap, DN dn, String attribute, int chunk) throws LDAPException {
        List<String> values = new ArrayList<>();
        String request = chunk > 0 ? range(attribute, 0, chunk) : attribute;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            SearchResultEntry entry = ldap.getEntry(dn.toString(), request);
            if (entry == null) {
                throw new LDAPException(ResultCode.NO_SUCH_OBJECT, "no entry " + dn);
            }
            Optional<Attribute> ranged = rangedAttribute(entry, attribute);
            if (ranged.isEmpty()) {
                // an unranged answer holds every value (or the attribute is empty)
                String[] plain = entry.getAttributeValues(attribute);
                if (plain != null) {
                    values.addAll(List.of(plain));
                }
                return values;
            }
            values.addAll(List.of(ranged.get().getValues()));
            Range range = Range.parse(ranged.get().getName());
            if (range.last()) {
                return values;
            }
            request = chunk > 0 ? range(attribute, range.high() + 1, chunk) : attribute + ";range=" + (range.high() + 1) + "-*";
        }
        throw new LDAPException(ResultCode.LOCAL_ERROR, "ranged retrieval of " + attribute + " did not end");
    }

    private static String range(String attribute, long low, int chunk) {
        return attribute + ";range=" + low + "-" + (low + chunk - 1);
    }

    private static Optional<Attribute> rangedAttribute(SearchResultEntry entry, String attribute) {
        for (Attribute a : entry.getAttributes()) {
            if (a.getBaseName().equalsIgnoreCase(attribute) && Range.option(a.getName()).isPresent()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** A {@code range=low-high} option; {@code high == -1} stands for {@code *}, the last chunk. */
    record Range(long low, long high) {

        boolean last() {
            return high < 0;
        }

        static Optional<String> option(String attributeName) {
            for (String part : attributeName.split(";")) {
                if (part.regionMatches(true, 0, "range=", 0, 6)) {
                    return Optional.of(part.substring(6));
                }
            }
            return Optional.empty();
        }

        static Range parse(String attributeName) throws LDAPException {
            String text = option(attributeName).orElseThrow();
            int dash = text.indexOf('-');
            try {
                long low = Long.parseLong(text.substring(0, dash));
                String upper = text.substring(dash + 1);
                return new Range(low, "*".equals(upper) ? -1 : Long.parseLong(upper));
            } catch (RuntimeException e) {
                throw new LDAPException(ResultCode.DECODING_ERROR, "unreadable range option in " + attributeName, e);
            }
        }
    }
}
