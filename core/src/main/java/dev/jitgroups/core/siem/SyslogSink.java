package dev.jitgroups.core.siem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Syslog over TLS (RFC 5425) or, when explicitly allowed, plain TCP (RFC 6587): one connection per batch. Syslog has
 * no acknowledgement, so the connection is closed the careful way: our side is shut for writing, then we read until
 * the receiver closes its side. A receiver closes only after reading everything before our close, and reading also
 * consumes what TLS 1.3 servers send unasked (session tickets), which would otherwise make our close a reset that
 * can discard data the receiver has not read yet.
 */
final class SyslogSink implements Sink {

    private static final int CLOSE_WAIT_MILLIS = 2000;

    private final SinkSettings settings;
    private final SSLContext tls;
    private final SyslogFormat format;

    /** @param tls the TLS context, or null for plain TCP */
    SyslogSink(SinkSettings settings, SSLContext tls, SyslogFormat format) {
        this.settings = settings;
        this.tls = tls;
        this.format = format;
    }

    @Override
    public void deliver(List<SiemEvent> events) throws IOException {
        byte[] frames = format.frames(events);
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(frames);
            out.flush();
            closeOutputAndAwaitPeer(socket);
        }
    }

    private Socket open() throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            plain.setSoTimeout(timeout);
            if (tls == null) {
                return plain;
            }
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, settings.host(), settings.port(), true);
            SSLParameters params = socket.getSSLParameters();
            // the receiver's certificate must name the host we connect to (or the configured tls-server-name)
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (settings.tlsServerName() != null) {
                params.setServerNames(List.of(new SNIHostName(settings.tlsServerName())));
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * Our side closed, then wait for the receiver's close. A receiver that keeps the connection open is given
     * {@link #CLOSE_WAIT_MILLIS} and the events count as delivered; one that answers with an error instead (a TLS alert,
     * as TLS 1.3 servers send only now when they refuse our client certificate, or a reset) may not have read them,
     * so they are sent again.
     */
    private void closeOutputAndAwaitPeer(Socket socket) throws IOException {
        socket.setSoTimeout(CLOSE_WAIT_MILLIS);
        try {
            socket.shutdownOutput();
        } catch (UnsupportedOperationException noHalfClose) {
            // then the receiver sees no end of stream and the wait below times out, which counts as delivered
        }
        InputStream in = socket.getInputStream();
        byte[] discard = new byte[1024];
        try {
            while (in.read(discard) >= 0) {
                // nothing is expected from a syslog receiver but its close
            }
        } catch (SocketTimeoutException lingering) {
            // everything was written and the receiver raised no error
        } catch (IOException e) {
            throw new IOException(settings.target() + " closed the connection with an error after the events were "
                    + "written (" + e.getMessage() + "); they are sent again", e);
        }
    }
}
