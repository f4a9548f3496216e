package dev.jitgroups.core.directory;

import java.util.Objects;

/**
 * A directory user account as core sees it, as found by a look-up (so its DN is current).
 *
 * @param id canonical, immutable identifier (the objectSid in Active Directory, {@code S-1-5-...})
 * @param dn distinguished name when it was looked up
 * @param userPrincipalName UPN, e.g. {@code alice@corp.example}
 * @param samAccountName pre-Windows 2000 logon name
 * @param displayName what people see
 * @param enabled false for disabled accounts, which may neither request nor approve
 */
public record Account(String id, Dn dn, String userPrincipalName, String samAccountName, String displayName,
        boolean enabled) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dn, "dn");
        displayName = displayName == null || displayName.isBlank() ? firstNonBlank(userPrincipalName, samAccountName, id)
                : displayName;
    }

    /** An account whose DN is given as text (parsed here; an invalid DN is an IllegalArgumentException). */
    public Account(String id, String dn, String userPrincipalName, String samAccountName, String displayName,
            boolean enabled) {
        this(id, Dn.parse(dn), userPrincipalName, samAccountName, displayName, enabled);
    }

    /** Same account: compared by the canonical id only. */
    public boolean sameAs(Account other) {
        return other != null && id.equalsIgnoreCase(other.id);
    }

    /** The account as a member reference (by SID, with its current DN as the hint). */
    public MemberRef memberRef() {
        return MemberRef.of(id, dn);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
