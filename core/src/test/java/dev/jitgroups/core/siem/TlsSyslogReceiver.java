package dev.jitgroups.core.siem;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A syslog receiver as rsyslog's imtcp/gtls behaves: TLS ({@code SSLServerSocket}) or plain TCP on 127.0.0.1, RFC 5425
 * octet-counted frames read until the sender closes, then its side closed too. It can be stopped (listener and every
 * connection closed) and started again on the same port.
 */
final class TlsSyslogReceiver {

    private final SSLContext tls;
    private final boolean needClientAuth;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile int port;

    /** @param tls null for plain TCP */
    TlsSyslogReceiver(SSLContext tls, boolean needClientAuth) {
        this.tls = tls;
        this.needClientAuth = needClientAuth;
    }

    /** Starts listening, on any free port when {@code port} is 0. */
    TlsSyslogReceiver start(int wantedPort) throws IOException {
        ServerSocket s = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort));
        if (s instanceof SSLServerSocket ssl) {
            ssl.setNeedClientAuth(needClientAuth);
        }
        server = s;
        port = s.getLocalPort();
        Thread accepting = new Thread(() -> accept(s), "syslog-receiver-" + port);
        accepting.setDaemon(true);
        accepting.start();
        return this;
    }

    int port() {
        return port;
    }

    /** Down: no listener, no connection. */
    void stop() throws IOException {
        server.close();
        for (Socket c : connections) {
            c.close();
        }
        connections.clear();
    }

    /** The messages received, in the order received (frames stripped of their length). */
    List<String> messages() {
        return new ArrayList<>(messages);
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                connections.add(c);
                Thread t = new Thread(() -> serve(c), "syslog-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c; InputStream in = new BufferedInputStream(c.getInputStream())) {
            String frame;
            while ((frame = readFrame(in)) != null) {
                messages.add(frame);
            }
        } catch (IOException ignored) {
            // a refused handshake or a connection closed by stop()
        } finally {
            connections.remove(c);
        }
    }

    /** {@code MSG-LEN SP SYSLOG-MSG}; null at the end of the stream. */
    static String readFrame(InputStream in) throws IOException {
        int length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b != ' ') {
            if (b < '0' || b > '9') {
                throw new IOException("not an octet-counted frame: unexpected byte " + b);
            }
            length = length * 10 + (b - '0');
            b = in.read();
        }
        byte[] message = in.readNBytes(length);
        if (message.length != length) {
            throw new IOException("frame cut short: " + message.length + " of " + length + " octets");
        }
        return new String(message, StandardCharsets.UTF_8);
    }
}
