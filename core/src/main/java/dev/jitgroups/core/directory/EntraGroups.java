package dev.jitgroups.core.directory;

/** Membership of Entra ID (cloud) groups, used by {@code entra-group:<objectId>} references. Optional. */
public interface EntraGroups {

    /**
     * True when the account is a transitive member of the Entra group.
     *
     * @throws EntraException when Entra ID cannot say (retryable while it is unreachable): never a silent false
     */
    boolean isMember(Account user, String groupObjectId);
}
