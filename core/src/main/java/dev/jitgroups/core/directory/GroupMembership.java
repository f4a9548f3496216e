package dev.jitgroups.core.directory;

import java.time.Instant;
import java.util.Set;

/**
 * Writes and reads membership of managed groups. Every method is idempotent: adding a present member or
 * removing an absent one succeeds. Failures are {@link DirectoryException}s.
 */
public interface GroupMembership {

    /**
     * Adds the user to the group and reads it back. {@code until} is the end of the grant; implementations
     * that support time-bound membership (AD Privileged Access Management) pass it to the directory, others
     * ignore it and rely on the expiry job.
     */
    void add(Account user, String groupDn, Instant until);

    /** Removes the user from the group and reads it back. */
    void remove(Account user, String groupDn);

    /** True when the user is a direct member of the group. */
    boolean isDirectMember(Account user, String groupDn);

    /** Distinguished names of the group's direct members (all of them, however large the group). */
    Set<String> directMemberDns(String groupDn);
}
