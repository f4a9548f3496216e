package dev.jitgroups.ldap.directory;

import com.unboundid.ldap.sdk.Entry;
import dev.jitgroups.core.directory.Account;
import java.util.Optional;

/** Turns user entries into core's {@link Account}s. */
final class UserEntries {

    /** Attributes read for every user. */
    static final String[] ATTRIBUTES = {"objectClass", "objectSid", "userPrincipalName", "sAMAccountName", "displayName",
        "userAccountControl", "manager"};

    /** userAccountControl ACCOUNTDISABLE. */
    static final int ACCOUNT_DISABLED = 0x2;

    private UserEntries() {
    }

    static boolean isUser(Entry entry) {
        return entry.hasObjectClass("user") && !entry.hasObjectClass("computer");
    }

    static boolean isGroup(Entry entry) {
        return entry.hasObjectClass("group");
    }

    /** The account, or empty when the entry has no readable objectSid (every AD security principal has one). */
    static Optional<Account> toAccount(Entry entry) {
        byte[] sid = entry.getAttributeValueBytes("objectSid");
        if (sid == null) {
            return Optional.empty();
        }
        String id;
        try {
            id = SidCodec.decode(sid);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Integer uac = entry.getAttributeValueAsInteger("userAccountControl");
        boolean enabled = uac == null || (uac & ACCOUNT_DISABLED) == 0;
        return Optional.of(new Account(id, Dns.core(entry.getDN()), entry.getAttributeValue("userPrincipalName"),
                entry.getAttributeValue("sAMAccountName"), entry.getAttributeValue("displayName"), enabled));
    }
}
