package dev.jitgroups.core.policy;

import dev.jitgroups.core.directory.Dn;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reference to people in a policy: a user, an AD group (members resolved transitively), an Entra group,
 * or the requester's manager.
 */
public sealed interface PrincipalRef {

    Pattern SID = Pattern.compile("S-1-\\d+(-\\d+)+", Pattern.CASE_INSENSITIVE);
    Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    String ACCEPTED = "a UPN (alice@corp.example), a sAMAccountName (alice), sid:S-1-5-..., "
            + "group:<DN>, entra-group:<objectId> or manager";

    /** The text form used in configuration. */
    String text();

    /** A user, by UPN, sAMAccountName or {@code sid:} (the lookup key understood by the directory port). */
    record User(String reference) implements PrincipalRef {
        @Override
        public String text() {
            return reference;
        }
    }

    /** An Active Directory group by DN; its members are resolved transitively. */
    record AdGroup(Dn dn) implements PrincipalRef {
        @Override
        public String text() {
            return "group:" + dn;
        }
    }

    /** An Entra ID group by object id, resolved through Microsoft Graph. */
    record EntraGroup(String objectId) implements PrincipalRef {
        @Override
        public String text() {
            return "entra-group:" + objectId;
        }
    }

    /** The requester's manager. */
    record Manager() implements PrincipalRef {
        @Override
        public String text() {
            return "manager";
        }
    }

    /**
     * Parses the configuration form.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    static PrincipalRef parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("is empty; expected " + ACCEPTED);
        }
        String text = raw.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("manager")) {
            return new Manager();
        }
        if (lower.startsWith("group:")) {
            try {
                return new AdGroup(Dn.parse(text.substring("group:".length())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not group:<DN> (" + e.getMessage() + "); expected "
                        + "e.g. group:CN=Tier0 Approvers,OU=Groups,DC=corp,DC=example");
            }
        }
        if (lower.startsWith("entra-group:")) {
            String id = text.substring("entra-group:".length()).strip();
            if (!GUID.matcher(id).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not entra-group:<objectId>; the object id "
                        + "is a GUID such as 0f6a1c2e-1111-2222-3333-444455556666");
            }
            return new EntraGroup(id);
        }
        if (lower.startsWith("sid:")) {
            String sid = text.substring("sid:".length()).strip();
            if (!SID.matcher(sid).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not sid:S-1-5-...");
            }
            return new User("sid:" + sid.toUpperCase(Locale.ROOT));
        }
        if (text.indexOf(':') >= 0 || text.indexOf('=') >= 0 || text.contains(" ")) {
            throw new IllegalArgumentException("'" + text + "' is not understood; expected " + ACCEPTED);
        }
        return new User(text);
    }
}
