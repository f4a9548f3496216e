package dev.jitgroups.core.directory;

import java.util.Optional;

/**
 * Recognises groups that Entra Cloud Sync ("Group Provision to AD") writes into AD: they carry
 * {@code msDS-ExternalDirectoryObjectId = Group_<objectId>}, and with "AD group enforcement" {@code msDS-ObjectSoa}.
 * Cloud Sync overwrites local changes at every cycle, so JIT Groups must never manage such a group.
 */
public final class CloudSync {

    private CloudSync() {
    }

    /** The attribute that marks the group as Cloud Sync's, as {@code name=value}; empty for an AD-only group. */
    public static Optional<String> marker(String externalDirectoryObjectId, String objectSoa) {
        if (externalDirectoryObjectId != null && externalDirectoryObjectId.strip().regionMatches(true, 0, "Group_", 0, 6)) {
            return Optional.of("msDS-ExternalDirectoryObjectId=" + externalDirectoryObjectId.strip());
        }
        if (objectSoa != null && !objectSoa.isBlank()) {
            return Optional.of("msDS-ObjectSoa=" + objectSoa.strip());
        }
        return Optional.empty();
    }
}
