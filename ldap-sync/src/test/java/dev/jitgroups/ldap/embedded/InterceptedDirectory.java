package dev.jitgroups.ldap.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.net.InetAddress;

/**
 * The demo forest in an in-memory server with an interceptor that makes it behave like AD where the in-memory
 * server cannot (ranged retrieval, time-bound links). For tests only.
 */
public final class InterceptedDirectory implements AutoCloseable {

    private final InMemoryDirectoryServer server;

    public InterceptedDirectory(InMemoryOperationInterceptor interceptor) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("DC=corp,DC=example");
        config.setSchema(EmbeddedDirectory.adSchema());
        config.addInMemoryOperationInterceptor(interceptor);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback", InetAddress.getLoopbackAddress(), 0, null));
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, new LDIFReader(EmbeddedDirectory.class.getResourceAsStream(EmbeddedDirectory.DEMO_FOREST)));
        server.startListening();
    }

    /** An anonymous connection over loopback LDAP, through the interceptor. */
    public LDAPConnection connect() throws LDAPException {
        return new LDAPConnection(InetAddress.getLoopbackAddress().getHostAddress(), server.getListenPort());
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
