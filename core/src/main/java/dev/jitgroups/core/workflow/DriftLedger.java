package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.GroupMember;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Remembers which drift was already reported, so that the same drift is reported once, not on every run. */
public interface DriftLedger {

    /**
     * Records the drift found now in the group and returns the keys ({@link GroupMember#key()}) of the members not
     * reported before. Members no longer found are forgotten, so they are reported again should they come back.
     */
    Set<String> record(String groupName, List<GroupMember> drift, Instant now);
}
