package dev.jitgroups.ldap.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;

/**
 * The demo forest in an in-memory server with an interceptor that makes it behave like AD where the in-memory
 * server cannot (ranged retrieval, time-bound links). For tests only.
 */
public final class InterceptedDirectory implements AutoCloseable {

    private final InMemoryDirectoryServer server;

    public InterceptedDirectory(InMemoryOperationInterceptor interceptor) throws Exception {
        InMemoryDirectoryServerConfig config = EmbeddedDirectory.config("DC=corp,DC=example", 0);
        config.addInMemoryOperationInterceptor(interceptor);
        server = new InMemoryDirectoryServer(config);
        EmbeddedDirectory.seed(server, EmbeddedDirectory.class.getResourceAsStream(EmbeddedDirectory.DEMO_FOREST));
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
