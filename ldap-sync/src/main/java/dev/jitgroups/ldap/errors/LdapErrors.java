package dev.jitgroups.ldap.errors;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.jitgroups.core.directory.DirectoryException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place that turns LDAP result codes into {@link DirectoryException}s: retryable (the directory could
 * not answer now) or permanent (it answered no), with a sentence a person can act on. Keyed on result codes,
 * never on diagnostic text, which differs between Active Directory, Samba and other servers.
 */
public final class LdapErrors {

    /** Adding a present member: AD and Samba answer 68, standard LDAP servers 20. Both mean "already done". */
    public static final Set<ResultCode> ALREADY_MEMBER = Set.of(ResultCode.ENTRY_ALREADY_EXISTS,
            ResultCode.ATTRIBUTE_OR_VALUE_EXISTS);

    /** Removing an absent member: AD and Samba answer 53, standard LDAP servers 16. Both mean "already done". */
    public static final Set<ResultCode> ALREADY_ABSENT = Set.of(ResultCode.UNWILLING_TO_PERFORM, ResultCode.NO_SUCH_ATTRIBUTE);

    private record Rule(boolean retryable, Function<Failure, String> explain) {
    }

    private static final Map<ResultCode, Rule> RULES = Map.ofEntries(
            retryable(ResultCode.SERVER_DOWN, f -> "the directory server could not be reached; it will be retried"),
            retryable(ResultCode.CONNECT_ERROR, f -> "no connection to the directory server could be opened; it will be retried"),
            retryable(ResultCode.TIMEOUT, f -> "the directory server did not answer in time; it will be retried"),
            retryable(ResultCode.TIME_LIMIT_EXCEEDED, f -> "the directory server did not answer in time; it will be retried"),
            retryable(ResultCode.BUSY, f -> "the directory server is busy; it will be retried"),
            retryable(ResultCode.UNAVAILABLE, f -> "the directory server is unavailable; it will be retried"),
            retryable(ResultCode.LOCAL_ERROR, f -> "the connection to the directory failed; it will be retried"),
            retryable(ResultCode.NO_MEMORY, f -> "the directory client ran out of memory; it will be retried"),
            permanent(ResultCode.NO_SUCH_OBJECT, f -> "the object does not exist in the directory; check the DN "
                    + "in the configuration" + (f.groupDn() == null ? "" : " (" + f.groupDn() + ")")),
            permanent(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, LdapErrors::explainInsufficientAccess),
            permanent(ResultCode.INVALID_CREDENTIALS, f -> "the directory rejected the service account's credentials; "
                    + "check jit.ldap.bind-dn and the password (JIT_LDAP_PASSWORD or jit.ldap.password-file)"),
            permanent(ResultCode.STRONG_AUTH_REQUIRED, f -> "the directory requires a protected connection; "
                    + "use an ldaps:// URL or set jit.ldap.start-tls=true"),
            permanent(ResultCode.CONFIDENTIALITY_REQUIRED, f -> "the directory requires an encrypted connection; "
                    + "use an ldaps:// URL or set jit.ldap.start-tls=true"),
            permanent(ResultCode.CONSTRAINT_VIOLATION, f -> "the directory refused the change as a constraint violation"),
            permanent(ResultCode.OBJECT_CLASS_VIOLATION, f -> "the directory refused the change: the object's class does not allow it"),
            permanent(ResultCode.INVALID_DN_SYNTAX, f -> "a distinguished name is not valid"),
            permanent(ResultCode.UNWILLING_TO_PERFORM, f -> "the directory is unwilling to perform the change"),
            permanent(ResultCode.SIZE_LIMIT_EXCEEDED, f -> "the directory returned more entries than it allows in one answer"));

    private LdapErrors() {
    }

    /** Maps a failed operation that touched no particular group. */
    public static DirectoryException map(LDAPException e, String action) {
        return map(e, new Failure(action, null, false, null));
    }

    /** Maps a failed operation; {@code failure} says what was attempted, for the explanation. */
    public static DirectoryException map(LDAPException e, Failure failure) {
        Rule rule = RULES.get(e.getResultCode());
        if (rule == null) {
            return new DirectoryException(failure.action() + " failed: the directory answered " + e.getResultCode()
                    + " (result " + e.getResultCode().intValue() + ")", false, e);
        }
        return new DirectoryException(failure.action() + " failed: " + rule.explain().apply(failure), rule.retryable(), e);
    }

    private static String explainInsufficientAccess(Failure f) {
        if (f.groupDn() == null) {
            return "the service account lacks the rights for it in the directory";
        }
        String base = "the service account lacks the \"Write Members\" permission on the group " + f.groupDn();
        if (f.protectedGroup() && f.domainDn() != null) {
            return base + ". It is a protected group (adminCount=1): every hour SDProp resets its permissions from "
                    + "CN=AdminSDHolder,CN=System," + f.domainDn() + ", so grant \"Write Members\" for the service account on "
                    + "that AdminSDHolder object instead of on the group";
        }
        return base + "; grant it on the group's Security tab (Advanced, \"Write Members\") for the service account";
    }

    private static Map.Entry<ResultCode, Rule> retryable(ResultCode code, Function<Failure, String> explain) {
        return Map.entry(code, new Rule(true, explain));
    }

    private static Map.Entry<ResultCode, Rule> permanent(ResultCode code, Function<Failure, String> explain) {
        return Map.entry(code, new Rule(false, explain));
    }
}
