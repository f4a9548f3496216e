package dev.jitgroups.ldap.connection;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The checks behind {@link LdapSettings}: each problem names its key and says what would be valid. */
final class SettingsCheck {

    private SettingsCheck() {
    }

    /** The values to check (a record's compact constructor cannot hand out {@code this}). */
    record Values(List<String> urls, boolean startTls, boolean allowPlain, String bindDn, String password, Path passwordFile,
            String baseDn, Path caFile, Path trustStore, Duration connectTimeout, Duration responseTimeout, int poolSize,
            LdapSettings.Embedded embedded) {

        boolean embeddedMode() {
            return urls.isEmpty();
        }
    }

    static void check(Values s, List<String> problems) {
        String password = s.password();
        for (int i = 0; i < s.urls().size(); i++) {
            checkUrl("jit.ldap.urls[" + i + "]", s.urls().get(i), s, problems);
        }
        if (!s.embeddedMode()) {
            requireDn("jit.ldap.base-dn", s.baseDn(), problems);
            requireDn("jit.ldap.bind-dn", s.bindDn(), problems);
            if (password == null || password.isEmpty()) {
                problems.add("jit.ldap.password: no password for the service account; set the environment variable "
                        + "JIT_LDAP_PASSWORD or jit.ldap.password-file" + (s.passwordFile() == null ? ""
                        : " (the file " + s.passwordFile() + " is not readable)"));
            }
        } else if (s.baseDn() != null) {
            requireDn("jit.ldap.base-dn", s.baseDn(), problems);
        }
        requireFile("jit.ldap.ca-file", s.caFile(), problems);
        requireFile("jit.ldap.trust-store", s.trustStore(), problems);
        if (s.caFile() != null && s.trustStore() != null) {
            problems.add("jit.ldap.ca-file and jit.ldap.trust-store: set one of them, not both");
        }
        requirePositive("jit.ldap.connect-timeout", s.connectTimeout(), problems);
        requirePositive("jit.ldap.response-timeout", s.responseTimeout(), problems);
        if (s.poolSize() < 1 || s.poolSize() > 100) {
            problems.add("jit.ldap.pool-size: must be between 1 and 100, was " + s.poolSize());
        }
        if (s.embedded().port() < 0 || s.embedded().port() > 65535) {
            problems.add("jit.ldap.embedded.port: must be between 0 (any free port) and 65535, was " + s.embedded().port());
        }
        requireDn("jit.ldap.embedded.base-dn", s.embedded().baseDn(), problems);
        requireFile("jit.ldap.embedded.ldif", s.embedded().ldif(), problems);
    }

    private static void checkUrl(String key, String url, Values s, List<String> problems) {
        LDAPURL parsed;
        try {
            parsed = new LDAPURL(url);
        } catch (LDAPException e) {
            problems.add(key + ": '" + url + "' is not an LDAP URL (expected ldaps://host[:port] or ldap://host[:port]): "
                    + e.getMessage());
            return;
        }
        if (!parsed.hostProvided()) {
            problems.add(key + ": '" + url + "' names no host");
        }
        boolean secure = "ldaps".equalsIgnoreCase(parsed.getScheme());
        if (secure && s.startTls()) {
            problems.add(key + ": '" + url + "' is already ldaps://; jit.ldap.start-tls applies to ldap:// URLs only");
        }
        if (!secure && !s.startTls() && !s.allowPlain()) {
            problems.add(key + ": '" + url + "' is plain LDAP, which sends the service account's password unencrypted; use "
                    + "ldaps://, set jit.ldap.start-tls=true, or allow it explicitly with jit.ldap.allow-plain=true");
        }
    }

    private static void requireDn(String key, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(key + ": required (a distinguished name such as DC=corp,DC=example)");
            return;
        }
        try {
            if (new DN(value).isNullDN()) {
                problems.add(key + ": must not be empty (a distinguished name such as DC=corp,DC=example)");
            }
        } catch (LDAPException e) {
            problems.add(key + ": '" + value + "' is not a valid distinguished name (" + e.getExceptionMessage() + ")");
        }
    }

    private static void requireFile(String key, Path file, List<String> problems) {
        if (file != null && !Files.isReadable(file)) {
            problems.add(key + ": the file " + file + " does not exist or is not readable");
        }
    }

    private static void requirePositive(String key, Duration value, List<String> problems) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + ": must be positive, was " + value);
        }
    }
}
