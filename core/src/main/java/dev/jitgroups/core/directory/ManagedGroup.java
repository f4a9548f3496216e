package dev.jitgroups.core.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * A managed group as configured, with the objectGUID it had when JIT Groups first found it: the GUID survives
 * renames and moves, so a configured DN that went stale can be told apart from a group that is gone.
 *
 * @param name the group's key ({@code jit.groups[i].name})
 * @param configKey where it is configured, {@code jit.groups[i]}
 * @param dn the configured DN
 * @param objectGuid the objectGUID first seen, once known
 */
public record ManagedGroup(String name, String configKey, Dn dn, Optional<String> objectGuid) {

    public ManagedGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(objectGuid, "objectGuid");
    }

    /**
     * What is wrong with the group as the directory has it (found by objectGUID when known, else by DN), in words
     * for operators that name the key to fix; empty when all is well.
     */
    public Optional<String> problem(Optional<DirectoryGroup> found) {
        if (found.isEmpty()) {
            return Optional.of("group " + name + ": " + dn + " does not exist in the directory"
                    + objectGuid.map(g -> " (nor does a group with its objectGUID " + g + ")").orElse("")
                    + "; create it or correct " + configKey + ".dn");
        }
        DirectoryGroup group = found.get();
        if (group.cloudSyncMarker().isPresent()) {
            return Optional.of(configKey + ".dn: group " + name + " (" + group.dn() + ") is provisioned by Entra Cloud Sync ("
                    + group.cloudSyncMarker().get() + "), which overwrites changes made in AD at every sync cycle; "
                    + "JIT Groups refuses to manage it. Remove it from jit.groups, or use an AD-only group");
        }
        if (!group.dn().equals(dn)) {
            return Optional.of("group " + name + " (" + dn + ") was renamed/moved to " + group.dn() + "; update "
                    + configKey + ".dn");
        }
        if (objectGuid.isPresent() && !objectGuid.get().equalsIgnoreCase(group.objectGuid())) {
            return Optional.of("group " + name + ": " + dn + " is not the group first seen there (objectGUID was "
                    + objectGuid.get() + ", is " + group.objectGuid() + "): it was deleted and created again");
        }
        return Optional.empty();
    }
}
