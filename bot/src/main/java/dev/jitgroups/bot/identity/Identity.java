package dev.jitgroups.bot.identity;

import dev.jitgroups.core.directory.Account;
import java.util.Optional;

/** Who a Teams user is in Active Directory, as far as can be told right now. */
public sealed interface Identity {

    /** The AD account. */
    record Known(Account account) implements Identity {
    }

    /** The directory answered: no account matches. */
    record Unknown() implements Identity {
    }

    /**
     * The directory could not be reached. {@code reference} is who the user is as far as Teams (and Microsoft Graph)
     * can tell without it ({@code sid:...} or a UPN), for a decision to be checked later; empty when not even that.
     */
    record DirectoryDown(Optional<String> reference) implements Identity {
    }

    /** The account, when known. */
    default Optional<Account> knownAccount() {
        return this instanceof Known k ? Optional.of(k.account()) : Optional.empty();
    }
}
