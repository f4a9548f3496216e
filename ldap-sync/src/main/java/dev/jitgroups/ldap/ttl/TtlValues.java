package dev.jitgroups.ldap.ttl;

import com.unboundid.ldap.sdk.DN;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value syntax of AD's time-bound links (Privileged Access Management feature). Written as
 * {@code <TTL=seconds,DN>}; read back, with control {@link #LINK_TTL_CONTROL_OID}, as {@code <TTL=seconds>,DN}.
 */
public final class TtlValues {

    /** LDAP_SERVER_LINK_TTL_OID: asks AD to return each link value's remaining time to live. */
    public static final String LINK_TTL_CONTROL_OID = "1.2.840.113556.1.4.2309";

    private static final Pattern READ_BACK = Pattern.compile("^<TTL=(\\d+)>,(.+)$", Pattern.CASE_INSENSITIVE);

    private TtlValues() {
    }

    /** Seconds from {@code now} until {@code until}, at least one (a TTL of 0 would not add the link at all). */
    public static long secondsUntil(Instant now, Instant until) {
        return Math.max(1, Duration.between(now, until).toSeconds());
    }

    /** The {@code member} value that adds {@code member} for {@code seconds}. */
    public static String memberValue(DN member, long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("a TTL must be at least one second, was " + seconds);
        }
        return "<TTL=" + seconds + "," + member + ">";
    }

    /** A value read with the link-TTL control, parsed; empty for a value without a TTL (a permanent member). */
    public static Optional<TimedMember> parse(String value) {
        Matcher m = READ_BACK.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TimedMember(m.group(2), Duration.ofSeconds(Long.parseLong(m.group(1)))));
    }

    /** A member with the time it has left. */
    public record TimedMember(String dn, Duration remaining) {
    }
}
