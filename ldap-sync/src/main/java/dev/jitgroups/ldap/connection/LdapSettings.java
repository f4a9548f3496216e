package dev.jitgroups.ldap.connection;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jit.ldap.*}: how to reach Active Directory. Validated when bound, so that a bad value stops start-up
 * with a message naming the key. With no {@code urls} the embedded demo directory is started instead.
 *
 * @param urls {@code ldaps://host[:port]} or {@code ldap://host[:port]} (with start-tls), tried in order
 * @param startTls upgrade {@code ldap://} connections with StartTLS
 * @param allowPlain allow {@code ldap://} without TLS (the password then crosses the network in clear)
 * @param bindDn the service account's DN
 * @param password the service account's password (set it with the environment variable JIT_LDAP_PASSWORD)
 * @param passwordFile a file holding the password, used when {@code password} is not set
 * @param baseDn the domain naming context searched for users and groups, e.g. {@code DC=corp,DC=example}
 * @param caFile PEM file with the CA certificate(s) that issued the DCs' certificates
 * @param trustStore JKS/PKCS#12 trust store, instead of {@code caFile}; neither means the JVM's trusted CAs
 * @param trustStorePassword the trust store's password, if it has one
 * @param tlsServerName the name the DC certificate must carry when it differs from the URL's host (e.g. the URL
 *        uses an IP address); the certificate is still verified
 * @param connectTimeout time allowed to open a connection
 * @param responseTimeout time allowed for each operation
 * @param poolSize the most connections kept open
 * @param embedded settings of the embedded directory, used when {@code urls} is empty
 */
@ConfigurationProperties("jit.ldap")
public record LdapSettings(List<String> urls, boolean startTls, boolean allowPlain, String bindDn, String password,
        Path passwordFile, String baseDn, Path caFile, Path trustStore, String trustStorePassword, String tlsServerName,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("4") int poolSize, @DefaultValue Embedded embedded) {

    /**
     * The embedded directory.
     *
     * @param port the loopback port to listen on; 0 picks a free one
     * @param baseDn its naming context (the demo forest is written for the default)
     * @param ldif a seed file to load instead of the built-in demo forest
     */
    public record Embedded(@DefaultValue("0") int port, @DefaultValue("DC=corp,DC=example") String baseDn, Path ldif) {
    }

    public LdapSettings {
        urls = urls == null ? List.of() : List.copyOf(urls);
        embedded = embedded == null ? new Embedded(0, "DC=corp,DC=example", null) : embedded;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        if ((password == null || password.isEmpty()) && passwordFile != null && Files.isReadable(passwordFile)) {
            password = readPassword(passwordFile);
        }
        List<String> problems = new ArrayList<>();
        SettingsCheck.check(new SettingsCheck.Values(urls, startTls, allowPlain, bindDn, password, passwordFile, baseDn, caFile,
                trustStore, connectTimeout, responseTimeout, poolSize, embedded), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid LDAP settings: " + String.join("; ", problems));
        }
    }

    /** True when the embedded directory is used. */
    public boolean embeddedMode() {
        return urls.isEmpty();
    }

    /** The base DN, parsed (the embedded one when no server is configured). */
    public DN parsedBaseDn() {
        try {
            return new DN(embeddedMode() && baseDn == null ? embedded.baseDn() : baseDn);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URLs, parsed. */
    public List<LDAPURL> parsedUrls() {
        List<LDAPURL> parsed = new ArrayList<>();
        for (String url : urls) {
            try {
                parsed.add(new LDAPURL(url));
            } catch (LDAPException e) {
                throw new IllegalStateException(e);
            }
        }
        return parsed;
    }

    /** Settings for connecting to a server at {@code url} with the given credentials, plain LDAP allowed (loopback). */
    public LdapSettings forLoopback(String url, String dn, String secret, String base) {
        return new LdapSettings(List.of(url), false, true, dn, secret, null, base, null, null, null, null, connectTimeout,
                responseTimeout, poolSize, embedded);
    }

    @Override
    public String toString() {
        return "LdapSettings[urls=" + urls + ", startTls=" + startTls + ", allowPlain=" + allowPlain + ", bindDn=" + bindDn
                + ", password=" + (password == null ? "(none)" : "(set)") + ", passwordFile=" + passwordFile + ", baseDn=" + baseDn
                + ", caFile=" + caFile + ", trustStore=" + trustStore + ", tlsServerName=" + tlsServerName + ", connectTimeout="
                + connectTimeout + ", responseTimeout=" + responseTimeout + ", poolSize=" + poolSize + ", embedded=" + embedded + "]";
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("jit.ldap.password-file: cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
