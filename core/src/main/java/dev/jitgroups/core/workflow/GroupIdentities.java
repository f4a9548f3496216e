package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.DirectoryGroup;
import java.time.Instant;
import java.util.Optional;

/** The objectGUID of each managed group from its first resolution, kept across restarts. */
public interface GroupIdentities {

    Optional<String> objectGuid(String groupName);

    /** Stores (or replaces) the group's objectGUID and the DN it was found at. */
    void remember(String groupName, DirectoryGroup group, Instant now);
}
