package dev.jitgroups.core.directory;

import java.util.List;
import java.util.Optional;

/** Looks up accounts and resolves group references. Implemented over LDAP by ldap-sync. */
public interface AccountDirectory {

    /**
     * Finds a user by {@code sid:S-1-5-...}, user principal name (contains {@code @}) or sAMAccountName.
     * Disabled accounts are returned with {@code enabled == false}.
     */
    Optional<Account> findUser(String reference);

    /** True when the user is a member of the group, directly or through nested groups. */
    boolean isTransitiveMember(Account user, Dn group);

    /** All user accounts in the group, nested groups expanded. */
    List<Account> transitiveMembers(Dn group);

    /** The user's manager (AD {@code manager} attribute), if set and resolvable; the user is found by SID. */
    Optional<Account> managerOf(MemberRef user);
}
