package dev.jitgroups.ldap.behaviour;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import dev.jitgroups.ldap.connection.LdapConnections;
import dev.jitgroups.ldap.connection.LdapSettings;
import dev.jitgroups.ldap.directory.GuidCodec;
import dev.jitgroups.ldap.directory.SidCodec;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The embedded in-memory directory, seeded with the demo forest, reached over loopback LDAP like a DC. */
public final class EmbeddedFixture extends DirectoryFixture {

    /** The demo domain's SID; test accounts get RIDs from 50000 up. */
    public static final String DOMAIN_SID = "S-1-5-21-1111111111-2222222222-3333333333";

    private final EmbeddedDirectory server;

    private EmbeddedFixture(EmbeddedDirectory server, LDAPConnectionPool admin) throws LDAPException {
        super(admin, new DN(server.baseDn()), "corp.example");
        this.server = server;
    }

    public static EmbeddedFixture start() throws LDAPException {
        EmbeddedDirectory server = EmbeddedDirectory.start("DC=corp,DC=example", 0, null);
        return new EmbeddedFixture(server, LdapConnections.open(settings(server)));
    }

    /** Connection settings for the embedded server (plain LDAP, allowed on loopback). */
    public static LdapSettings settings(EmbeddedDirectory server) {
        return new LdapSettings(List.of(server.url()), false, true, server.bindDn(), server.bindPassword(), null,
                server.baseDn(), null, null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), 4, null);
    }

    public EmbeddedDirectory server() {
        return server;
    }

    @Override
    public String name() {
        return "embedded in-memory directory";
    }

    @Override
    protected boolean maintainsMemberOf() {
        return false;
    }

    @Override
    public boolean honoursRangeRequests() {
        return false;
    }

    @Override
    public Map<String, String> applicationProperties() {
        return applicationProperties(server);
    }

    /** The {@code jit.ldap.*} settings with which an application reaches the embedded server like a DC. */
    public static Map<String, String> applicationProperties(EmbeddedDirectory server) {
        return Map.of("jit.ldap.urls[0]", server.url(), "jit.ldap.allow-plain", "true", "jit.ldap.bind-dn", server.bindDn(),
                "jit.ldap.password", server.bindPassword(), "jit.ldap.base-dn", server.baseDn());
    }

    @Override
    public boolean knowsCloudSyncAttributes() {
        return true;
    }

    @Override
    protected void addGeneratedAttributes(Entry entry, int serial) {
        entry.addAttribute(new Attribute("objectSid", SidCodec.encode(DOMAIN_SID + "-" + (50_000 + serial))));
        entry.addAttribute(new Attribute("objectGUID", GuidCodec.encode(UUID.randomUUID().toString())));
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            server.close();
        }
    }
}
