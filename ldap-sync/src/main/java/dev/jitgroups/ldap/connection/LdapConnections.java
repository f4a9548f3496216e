package dev.jitgroups.ldap.connection;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Opens the connection pool described by {@link LdapSettings}: TLS (LDAPS or StartTLS) with the server
 * certificate checked against the configured CA and its host name, a simple bind as the service account,
 * fail-over across the URLs in order, and connect/response timeouts.
 */
public final class LdapConnections {

    private LdapConnections() {
    }

    /** Opens the pool and binds one connection, so that wrong URLs, certificates or credentials fail now. */
    public static LDAPConnectionPool open(LdapSettings settings) throws LDAPException {
        SSLSocketFactory tls = needsTls(settings) ? tlsSocketFactory(settings) : null;
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setSSLSocketVerifier(serverNameVerifier(settings.tlsServerName()));
        List<ServerSet> servers = new ArrayList<>();
        for (LDAPURL url : settings.parsedUrls()) {
            boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
            SocketFactory sockets = ldaps ? tls : SocketFactory.getDefault();
            servers.add(new SingleServerSet(url.getHost(), url.getPort(), sockets, options));
        }
        ServerSet serverSet = servers.size() == 1 ? servers.get(0) : new FailoverServerSet(servers);
        PostConnectProcessor startTls = settings.startTls() ? new StartTLSPostConnectProcessor(tls) : null;
        BindRequest bind = new SimpleBindRequest(settings.bindDn(), settings.password());
        LDAPConnectionPool pool = new LDAPConnectionPool(serverSet, bind, 1, settings.poolSize(), startTls);
        pool.setConnectionPoolName("jit-ldap");
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        return pool;
    }

    private static boolean needsTls(LdapSettings settings) {
        return settings.startTls() || settings.parsedUrls().stream().anyMatch(u -> "ldaps".equalsIgnoreCase(u.getScheme()));
    }

    static SSLSocketFactory tlsSocketFactory(LdapSettings settings) throws LDAPException {
        try {
            return new SSLUtil(trustManager(settings)).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager trustManager(LdapSettings settings) throws GeneralSecurityException {
        if (settings.caFile() != null) {
            return new PEMFileTrustManager(settings.caFile().toFile());
        }
        if (settings.trustStore() != null) {
            char[] pin = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
            return new TrustStoreTrustManager(settings.trustStore().toFile(), pin, null, true);
        }
        return JVMDefaultTrustManager.getInstance();
    }

    /** Checks the certificate's names against the URL's host, or against {@code tlsServerName} when it is set. */
    private static SSLSocketVerifier serverNameVerifier(String tlsServerName) {
        HostNameSSLSocketVerifier hostNames = new HostNameSSLSocketVerifier(false);
        if (tlsServerName == null || tlsServerName.isBlank()) {
            return hostNames;
        }
        return new SSLSocketVerifier() {
            @Override
            public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
                hostNames.verifySSLSocket(tlsServerName, port, socket);
            }
        };
    }
}
