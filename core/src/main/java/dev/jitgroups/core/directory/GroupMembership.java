package dev.jitgroups.core.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads membership of managed groups. Members are named by {@link MemberRef}: implementations find the
 * account by its objectSid (its current DN, whatever the name it had when the grant began) before every write,
 * and confirm every write by reading the group back by that SID. Add and remove are idempotent. Failures are
 * {@link DirectoryException}s.
 */
public interface GroupMembership {

    /**
     * Adds the account to the group and reads it back. {@code until} is the end of the grant; implementations
     * that support time-bound membership (AD Privileged Access Management) pass it to the directory, others
     * ignore it and rely on the expiry job. A disabled or deleted account is refused permanently.
     *
     * @return the member as the directory has it now (current DN and objectGUID)
     */
    MemberRef add(MemberRef member, Dn group, Instant until);

    /** Removes the account from the group; the result is what the read-back by SID confirmed. */
    Removal remove(MemberRef member, Dn group);

    /**
     * Removes a member value that belongs to no account of this domain (a contact, an object of another domain),
     * as read from the group, and reads it back.
     */
    void removeMemberValue(Dn memberValue, Dn group);

    /** True when the account with the member's SID is a direct member of the group now. */
    boolean isDirectMember(MemberRef member, Dn group);

    /** The group's direct members (all of them, however large the group), each with its objectSid where it has one. */
    List<GroupMember> directMembers(Dn group);

    /** The group with this objectGUID when one is given and exists, else the group at {@code dn}, if any. */
    Optional<DirectoryGroup> findGroup(Dn dn, Optional<String> objectGuid);
}
