package dev.jitgroups.core.directory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a member is. The objectSid is the identity (never reused in a domain); the objectGUID is kept when known;
 * the DN is only where the account was last seen, a hint: people are renamed and moved, and AD's group membership
 * follows the account, not its name. The directory adapter resolves the current DN from the SID before it writes.
 *
 * @param sid objectSid in text form, {@code S-1-5-21-...}
 * @param objectGuid objectGUID in AD's text form, when known
 * @param lastKnownDn where the account was last seen
 */
public record MemberRef(String sid, Optional<String> objectGuid, Dn lastKnownDn) {

    private static final Pattern SID = Pattern.compile("S-1-\\d+(-\\d+)+");

    public MemberRef {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(objectGuid, "objectGuid");
        Objects.requireNonNull(lastKnownDn, "lastKnownDn");
        sid = sid.strip().toUpperCase(Locale.ROOT);
        if (!SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("not a security identifier (S-1-5-...): " + sid);
        }
        objectGuid = objectGuid.map(g -> g.strip().toLowerCase(Locale.ROOT));
    }

    /** A member known by SID and DN only. */
    public static MemberRef of(String sid, Dn lastKnownDn) {
        return new MemberRef(sid, Optional.empty(), lastKnownDn);
    }

    /** Same account: compared by SID only. */
    public boolean sameAccount(String otherSid) {
        return otherSid != null && sid.equalsIgnoreCase(otherSid.strip());
    }
}
