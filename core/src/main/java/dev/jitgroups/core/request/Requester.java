package dev.jitgroups.core.request;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.MemberRef;
import java.util.Objects;
import java.util.Optional;

/**
 * The requesting account as recorded on the request. The id (objectSid) is who it is; the other fields are a
 * snapshot for people and a hint for the directory: the DN is where the account was last seen, updated when the
 * membership is applied.
 *
 * @param objectGuid the account's objectGUID, known once the membership was applied
 */
public record Requester(String id, Dn dn, String userPrincipalName, String samAccountName, String displayName,
        Optional<String> objectGuid) {

    public Requester {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(objectGuid, "objectGuid");
    }

    public static Requester of(Account a) {
        return new Requester(a.id(), a.dn(), a.userPrincipalName(), a.samAccountName(), a.displayName(),
                Optional.empty());
    }

    /** Who to add or remove: the SID, with the GUID and last known DN. */
    public MemberRef member() {
        return new MemberRef(id, objectGuid, dn);
    }

    /** The same requester as the directory has the account now (its DN and objectGUID; the SID stays). */
    public Requester seenAs(MemberRef found) {
        if (!found.sameAccount(id)) {
            throw new IllegalArgumentException(found.sid() + " is not the requester " + id);
        }
        return new Requester(id, found.lastKnownDn(), userPrincipalName, samAccountName, displayName,
                found.objectGuid().or(() -> objectGuid));
    }
}
