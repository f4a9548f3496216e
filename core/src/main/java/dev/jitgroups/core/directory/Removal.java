package dev.jitgroups.core.directory;

/** What removing a member found, each confirmed by reading the group back by the member's SID. */
public enum Removal {
    /** The account was a member and is not any more. */
    REMOVED,
    /** The account exists and was not a member (already removed). */
    NOT_A_MEMBER,
    /** No account has the SID any more: it was deleted, and AD took it out of every group with it. */
    ACCOUNT_DELETED
}
