package dev.jitgroups.core.directory;

import java.util.List;

/** The managed groups with the identity first seen, for checks outside core (the directory health indicator). */
public interface ManagedGroups {

    /** Every configured group, in configuration order. */
    List<ManagedGroup> managedGroups();
}
