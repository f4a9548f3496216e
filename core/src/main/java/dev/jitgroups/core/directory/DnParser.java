package dev.jitgroups.core.directory;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4514 string DNs to RDNs. Spaces around {@code ,} {@code +} {@code =} are skipped; {@code ;} separates RDNs
 * as in LDAPv2 (as the UnboundID SDK, which ldap-sync writes with, reads it); an unescaped {@code "} is refused
 * (quoted LDAPv2 values are not supported, and the SDK refuses them too).
 */
final class DnParser {

    private final String s;
    private int pos;

    private DnParser(String s) {
        this.s = s;
    }

    static List<Dn.Rdn> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a distinguished name is empty");
        }
        return new DnParser(text).rdns();
    }

    private List<Dn.Rdn> rdns() {
        List<Dn.Rdn> rdns = new ArrayList<>();
        while (true) {
            rdns.add(rdn());
            skipSpaces();
            if (pos == s.length()) {
                return rdns;
            }
            char c = s.charAt(pos);
            if (c != ',' && c != ';') {
                throw problem("expected ',' between RDNs");
            }
            pos++;
        }
    }

    private Dn.Rdn rdn() {
        List<Dn.Ava> avas = new ArrayList<>();
        while (true) {
            avas.add(ava());
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '+') {
                pos++;
                continue;
            }
            return new Dn.Rdn(avas);
        }
    }

    private Dn.Ava ava() {
        skipSpaces();
        String type = type();
        skipSpaces();
        if (pos >= s.length() || s.charAt(pos) != '=') {
            throw problem("expected '=' after the attribute type " + type);
        }
        pos++;
        skipSpaces();
        String value = pos < s.length() && s.charAt(pos) == '#' ? berValue() : stringValue();
        if (value.isEmpty()) {
            throw problem("the value of " + type + " is empty");
        }
        return new Dn.Ava(type, value);
    }

    /** A descriptor ({@code CN}, {@code msDS-X}) or a numeric OID ({@code 2.5.4.3}). */
    private String type() {
        int start = pos;
        if (pos < s.length() && isAsciiLetter(s.charAt(pos))) {
            while (pos < s.length() && (isAsciiLetter(s.charAt(pos)) || isDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
                pos++;
            }
            return s.substring(start, pos);
        }
        while (pos < s.length() && (isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        String oid = s.substring(start, pos);
        if (oid.isEmpty() || !oid.matches("\\d+(\\.\\d+)+")) {
            pos = start;
            throw problem("expected an attribute type such as CN, OU or DC");
        }
        return oid;
    }

    private String stringValue() {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream hexBytes = new ByteArrayOutputStream();
        int significant = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ',' || c == ';' || c == '+') {
                break;
            }
            if (c == '\\') {
                if (pos + 2 < s.length() && isHex(s.charAt(pos + 1)) && isHex(s.charAt(pos + 2))) {
                    hexBytes.write(Integer.parseInt(s.substring(pos + 1, pos + 3), 16));
                    pos += 3;
                    continue;
                }
                significant = flush(hexBytes, out, significant);
                out.append(escaped());
                significant = out.length();
                continue;
            }
            if (c == '"') {
                throw problem("an unescaped '\"' (write \\\")");
            }
            significant = flush(hexBytes, out, significant);
            out.append(c);
            pos++;
            if (c != ' ') {
                significant = out.length();
            }
        }
        significant = flush(hexBytes, out, significant);
        // trailing spaces that were not escaped are not part of the value
        return out.substring(0, significant);
    }

    /** The character after a backslash that is not followed by two hex digits. */
    private char escaped() {
        if (pos + 1 >= s.length()) {
            throw problem("a lone '\\' at the end");
        }
        char c = s.charAt(pos + 1);
        if (DnValues.SPECIAL.indexOf(c) < 0) {
            throw problem("'\\" + c + "' is not an escape; escape only , + \" \\ < > ; = # space, or write two hex digits");
        }
        pos += 2;
        return c;
    }

    /** Hex-escaped bytes are UTF-8 (so {@code \C3\A9} is one character); decoded together once a run ends. */
    private int flush(ByteArrayOutputStream bytes, StringBuilder out, int significant) {
        if (bytes.size() == 0) {
            return significant;
        }
        out.append(DnValues.utf8(bytes.toByteArray(), this::problem));
        bytes.reset();
        return out.length();
    }

    private String berValue() {
        int start = ++pos;
        while (pos < s.length() && isHex(s.charAt(pos))) {
            pos++;
        }
        String hex = s.substring(start, pos);
        if (hex.isEmpty() || hex.length() % 2 != 0) {
            throw problem("a '#' value needs an even number of hex digits");
        }
        return DnValues.berString(hex, this::problem);
    }

    private void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("'" + s + "' is not a distinguished name: " + what + " at position " + pos);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
