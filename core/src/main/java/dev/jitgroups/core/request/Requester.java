package dev.jitgroups.core.request;

import dev.jitgroups.core.directory.Account;

/** The requesting account as recorded on the request (a snapshot: the directory may change later). */
public record Requester(String id, String dn, String userPrincipalName, String samAccountName, String displayName) {

    public static Requester of(Account a) {
        return new Requester(a.id(), a.dn(), a.userPrincipalName(), a.samAccountName(), a.displayName());
    }

    public Account toAccount() {
        return new Account(id, dn, userPrincipalName, samAccountName, displayName, true);
    }
}
