package dev.jitgroups.core.directory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Escaping, decoding and normalising the values and types of DNs. */
final class DnValues {

    /** Characters that may follow a backslash as themselves. */
    static final String SPECIAL = ",+\"\\<>;=# ";

    /** The usual attribute types also written as OIDs, so that {@code 2.5.4.3=x} equals {@code CN=x}. */
    private static final Map<String, String> OID_NAMES = Map.of("2.5.4.3", "cn", "2.5.4.11", "ou",
            "0.9.2342.19200300.100.1.25", "dc", "2.5.4.10", "o", "2.5.4.6", "c", "2.5.4.7", "l", "2.5.4.8", "st",
            "2.5.4.9", "street", "0.9.2342.19200300.100.1.1", "uid");

    /** Universal string tags accepted in {@code #}-values: OCTET STRING, UTF8String, PrintableString, IA5String. */
    private static final Set<Integer> STRING_TAGS = Set.of(0x04, 0x0C, 0x13, 0x16);

    private DnValues() {
    }

    static String normalType(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return OID_NAMES.getOrDefault(lower, lower);
    }

    /**
     * Comparison form of a value, as AD and LDAP's caseIgnoreMatch compare it: Unicode-normalised, case folded,
     * leading and trailing spaces dropped and inner runs of spaces counted as one.
     */
    static String normalValue(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return folded.strip().replaceAll("\\s+", " ");
    }

    /** RFC 4514 section 2.4: escapes what must be escaped, and nothing else. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean edgeSpace = c == ' ' && (i == 0 || i == value.length() - 1);
            if (c == '\u0000') {
                out.append("\\00");
            } else if (",+\"\\<>;".indexOf(c) >= 0 || edgeSpace || (c == '#' && i == 0)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Decodes hex-escaped bytes as UTF-8, refusing bytes that are not UTF-8. */
    static String utf8(byte[] bytes, Function<String, IllegalArgumentException> problem) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw problem.apply("hex-escaped bytes that are not UTF-8");
        }
    }

    /** The string inside a BER-encoded value ({@code #04024869} is "Hi"); other BER values are refused. */
    static String berString(String hex, Function<String, IllegalArgumentException> problem) {
        byte[] ber = HexFormat.of().parseHex(hex);
        if (ber.length < 2 || !STRING_TAGS.contains(ber[0] & 0xFF)) {
            throw problem.apply("a '#' value that is not a BER-encoded string");
        }
        int length = ber[1] & 0xFF;
        int start = 2;
        if (length > 0x7F) {
            int octets = length & 0x7F;
            if (octets == 0 || octets > 3 || ber.length < 2 + octets) {
                throw problem.apply("a '#' value with an unreadable BER length");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (ber[2 + i] & 0xFF);
            }
            start = 2 + octets;
        }
        if (ber.length - start != length) {
            throw problem.apply("a '#' value whose BER length does not match its content");
        }
        byte[] content = new byte[length];
        System.arraycopy(ber, start, content, 0, length);
        return utf8(content, problem);
    }
}
