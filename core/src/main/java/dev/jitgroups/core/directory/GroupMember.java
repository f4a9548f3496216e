package dev.jitgroups.core.directory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One direct member of a group as the directory has it now.
 *
 * @param dn the member's current DN (the group's member value)
 * @param sid its objectSid; empty for members that are not security principals of this domain (a contact, an
 *        object of another domain)
 */
public record GroupMember(Dn dn, Optional<String> sid) {

    public GroupMember {
        Objects.requireNonNull(dn, "dn");
        sid = sid.map(s -> s.strip().toUpperCase(Locale.ROOT));
    }

    /** A stable key for "the same member": the SID where there is one, else the normalised DN. */
    public String key() {
        return sid.map(s -> "sid:" + s).orElse("dn:" + dn.normalized());
    }

    /** The member as a reference for writes by SID, when it has one. */
    public Optional<MemberRef> ref() {
        return sid.map(s -> MemberRef.of(s, dn));
    }
}
