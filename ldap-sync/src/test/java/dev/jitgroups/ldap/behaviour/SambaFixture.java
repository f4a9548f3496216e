package dev.jitgroups.ldap.behaviour;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import dev.jitgroups.ldap.connection.LdapConnections;
import dev.jitgroups.ldap.connection.LdapSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A real AD implementation: the Samba AD DC, reached over LDAPS with its CA verified. */
public final class SambaFixture extends DirectoryFixture {

    private final SambaEnvironment env;

    private SambaFixture(SambaEnvironment env, LDAPConnectionPool admin) throws LDAPException {
        super(admin, new DN(env.baseDn()), env.realm().toLowerCase(Locale.ROOT));
        this.env = env;
    }

    /** Connects as the domain administrator; skips (or fails, in CI) without a DC. */
    public static SambaFixture connect() throws LDAPException {
        SambaEnvironment env = SambaEnvironment.requireOrSkip();
        return new SambaFixture(env, LdapConnections.open(ldaps(env, env.bindDn(), env.bindPassword(), env.caPem(),
                env.certificateHostName())));
    }

    /** LDAPS settings for the DC with the given account and trust. */
    public static LdapSettings ldaps(SambaEnvironment env, String bindDn, String password, Path ca, String serverName) {
        return new LdapSettings(List.of(env.ldapsUrl()), false, false, bindDn, password, null, env.baseDn(), ca, null, null,
                serverName, Duration.ofSeconds(5), Duration.ofSeconds(60), 8, null);
    }

    public SambaEnvironment env() {
        return env;
    }

    @Override
    public String name() {
        return "Samba AD DC";
    }

    @Override
    protected boolean maintainsMemberOf() {
        return true;
    }

    @Override
    public boolean honoursRangeRequests() {
        return true;
    }

    @Override
    public Map<String, String> applicationProperties() {
        return Map.of("jit.ldap.urls[0]", env.ldapsUrl(), "jit.ldap.ca-file", env.caPem().toString(),
                "jit.ldap.tls-server-name", env.certificateHostName(), "jit.ldap.bind-dn", env.bindDn(),
                "jit.ldap.password", env.bindPassword(), "jit.ldap.base-dn", env.baseDn(), "jit.ldap.response-timeout", "60s");
    }

    /** Samba's schema (objectVersion 69, Windows Server 2012 R2) has neither Cloud Sync attribute, and refuses extensions. */
    @Override
    public boolean knowsCloudSyncAttributes() {
        return false;
    }

    @Override
    protected void addGeneratedAttributes(Entry entry, int serial) {
        // the DC generates objectSid, objectGUID and the rest
    }
}
