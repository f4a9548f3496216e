package dev.jitgroups.core.directory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A group as found in the directory.
 *
 * @param dn its current DN
 * @param objectGuid its objectGUID (AD's text form), which survives renames and moves
 * @param cloudSyncMarker set when Entra Cloud Sync provisions the group (see {@link CloudSync})
 */
public record DirectoryGroup(Dn dn, String objectGuid, Optional<String> cloudSyncMarker) {

    public DirectoryGroup {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(objectGuid, "objectGuid");
        objectGuid = objectGuid.strip().toLowerCase(Locale.ROOT);
    }
}
