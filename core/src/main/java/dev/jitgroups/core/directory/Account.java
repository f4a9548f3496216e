package dev.jitgroups.core.directory;

import java.util.Objects;

/**
 * A directory user account as core sees it.
 *
 * @param id canonical, immutable identifier (the objectSid in Active Directory, {@code S-1-5-...})
 * @param dn distinguished name, used when writing group membership
 * @param userPrincipalName UPN, e.g. {@code alice@corp.example}
 * @param samAccountName pre-Windows 2000 logon name
 * @param displayName what people see
 * @param enabled false for disabled accounts, which may neither request nor approve
 */
public record Account(String id, String dn, String userPrincipalName, String samAccountName, String displayName,
        boolean enabled) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dn, "dn");
        displayName = displayName == null || displayName.isBlank() ? firstNonBlank(userPrincipalName, samAccountName, id)
                : displayName;
    }

    /** Same account: compared by the canonical id only. */
    public boolean sameAs(Account other) {
        return other != null && id.equalsIgnoreCase(other.id);
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
