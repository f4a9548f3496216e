package dev.jitgroups.core.directory;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A distinguished name, parsed once (RFC 4514) and compared the way Active Directory compares names: attribute
 * types and values ignore case, escapes ({@code \,} or {@code \2C}) are decoded, spaces around separators and at
 * either end of a value do not count, and the parts of a multi-valued RDN may come in any order. Construct it
 * with {@link #parse(String)}; a string that is not a DN is refused with the position of the problem.
 */
public final class Dn {

    private final List<Rdn> rdns;
    private final String text;
    private final String normalized;

    private Dn(List<Rdn> rdns) {
        this.rdns = List.copyOf(rdns);
        this.text = rdns.stream().map(Rdn::toString).collect(Collectors.joining(","));
        this.normalized = rdns.stream().map(Rdn::normalized).collect(Collectors.joining(","));
    }

    /**
     * Parses a DN such as {@code CN=Smith\, John,OU=People,DC=corp,DC=example}.
     *
     * @throws IllegalArgumentException when the text is empty or not a DN; the message says where and why
     */
    public static Dn parse(String text) {
        return new Dn(DnParser.parse(text));
    }

    /** The relative names, leftmost (the entry's own name) first. */
    public List<Rdn> rdns() {
        return rdns;
    }

    /** The comparison form: lower-case types and values, escapes decoded and re-applied uniformly, AVAs sorted. */
    public String normalized() {
        return normalized;
    }

    /** Equal when the directory would take both for the same name. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Dn dn && normalized.equals(dn.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /** The RFC 4514 string: types as written, values escaped where the RFC requires it. */
    @Override
    public String toString() {
        return text;
    }

    /** One relative distinguished name: one or more attribute-value assertions joined by {@code +}. */
    public record Rdn(List<Ava> avas) {

        public Rdn {
            if (avas.isEmpty()) {
                throw new IllegalArgumentException("an RDN needs at least one attribute=value");
            }
            avas = List.copyOf(avas);
        }

        String normalized() {
            return avas.stream().map(Ava::normalized).sorted().collect(Collectors.joining("+"));
        }

        @Override
        public String toString() {
            return avas.stream().map(Ava::toString).collect(Collectors.joining("+"));
        }
    }

    /**
     * One attribute-value assertion.
     *
     * @param type the attribute type as written ({@code CN}, {@code ou}, {@code 2.5.4.3})
     * @param value the value with escapes decoded (a BER-encoded string value, {@code #0402...}, decoded too)
     */
    public record Ava(String type, String value) {

        public Ava {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        String normalized() {
            return DnValues.normalType(type) + "=" + DnValues.escape(DnValues.normalValue(value));
        }

        @Override
        public String toString() {
            return type + "=" + DnValues.escape(value);
        }
    }
}
