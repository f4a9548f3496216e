package dev.jitgroups.ldap.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import dev.jitgroups.ldap.directory.GuidCodec;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The embedded directory: an UnboundID in-memory server listening on loopback only, with an AD-like schema and
 * membership by reference, seeded with the demo forest ({@code embedded/demo-forest.ldif}) or a given LDIF file. The adapter reaches it
 * over LDAP like a real DC, as a service account whose password is made up at start. Other modules' tests use
 * {@link #url()}, {@link #bindDn()} and {@link #bindPassword()}.
 */
public final class EmbeddedDirectory implements AutoCloseable {

    /** The demo forest on the class path. */
    public static final String DEMO_FOREST = "/embedded/demo-forest.ldif";
    /** The AD-like schema extension on the class path. */
    public static final String AD_SCHEMA = "/embedded/ad-schema.ldif";
    /** The service account the adapter binds as (no entry; the in-memory server's extra bind credentials). */
    public static final String SERVICE_ACCOUNT_DN = "CN=JIT Groups Service,CN=Users,DC=corp,DC=example";

    private final InMemoryDirectoryServer server;
    private final String baseDn;
    private final String bindPassword;

    private EmbeddedDirectory(InMemoryDirectoryServer server, String baseDn, String bindPassword) {
        this.server = server;
        this.baseDn = baseDn;
        this.bindPassword = bindPassword;
    }

    /** Starts a server on 127.0.0.1 ({@code port} 0: any free port) seeded with the demo forest, or {@code ldif}. */
    public static EmbeddedDirectory start(String baseDn, int port, Path ldif) throws LDAPException {
        String password = newPassword();
        InMemoryDirectoryServerConfig config = config(baseDn, port);
        config.addAdditionalBindCredentials(SERVICE_ACCOUNT_DN, password);
        // anyone on this machine can reach the port: reading and writing need the service account's password
        config.setAuthenticationRequiredOperationTypes(EnumSet.of(OperationType.ADD, OperationType.DELETE,
                OperationType.MODIFY, OperationType.MODIFY_DN, OperationType.SEARCH, OperationType.COMPARE));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (InputStream seed = ldif == null ? resource(DEMO_FOREST) : Files.newInputStream(ldif)) {
            seed(server, seed);
        } catch (IOException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot read the seed LDIF: " + e, e);
        }
        server.startListening();
        return new EmbeddedDirectory(server, baseDn, password);
    }

    /**
     * The AD-like configuration: the schema, a loopback listener ({@code port} 0: any free port), and group membership
     * by reference. Tests that need a server of their own (with an interceptor, say) start from here.
     */
    public static InMemoryDirectoryServerConfig config(String baseDn, int port) throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
        config.setSchema(adSchema());
        // loopback only: the in-memory server's default listener binds every interface
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback", InetAddress.getLoopbackAddress(), port,
                null));
        // AD links members by reference: renaming, moving or deleting an account updates the groups (and managers)
        config.setReferentialIntegrityAttributes("member", "manager");
        return config;
    }

    /**
     * Replaces the server's content with an LDIF file's entries. Users and groups without an objectGUID get the one a DC
     * would have generated, derived from their DN so that it is the same at every start (JIT Groups remembers the
     * objectGUID of each managed group across restarts).
     */
    public static void seed(InMemoryDirectoryServer server, InputStream ldif) throws LDAPException {
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(ldif)) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                if ((entry.hasObjectClass("user") || entry.hasObjectClass("group")) && !entry.hasAttribute("objectGUID")) {
                    entry.addAttribute("objectGUID", stableGuid(entry.getParsedDN()));
                }
                entries.add(entry);
            }
        } catch (IOException | LDIFException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot read the seed LDIF: " + e, e);
        }
        server.clear();
        server.addEntries(entries);
    }

    private static byte[] stableGuid(DN dn) {
        return GuidCodec.encode(UUID.nameUUIDFromBytes(dn.toNormalizedString().getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** UnboundID's standard schema plus the AD-like extension. */
    public static Schema adSchema() throws LDAPException {
        try (InputStream in = resource(AD_SCHEMA)) {
            return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in));
        } catch (IOException | LDIFException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot read the AD schema extension: " + e, e);
        }
    }

    /** {@code ldap://127.0.0.1:<port>}. */
    public String url() {
        return "ldap://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }

    public int port() {
        return server.getListenPort();
    }

    public String baseDn() {
        return baseDn;
    }

    public String bindDn() {
        return SERVICE_ACCOUNT_DN;
    }

    public String bindPassword() {
        return bindPassword;
    }

    /** The server itself, for tests that need to inspect or change it directly. */
    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    @Override
    public String toString() {
        return "EmbeddedDirectory[" + url() + ", " + baseDn + "]";
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = EmbeddedDirectory.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing class path resource " + name);
        }
        return in;
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
