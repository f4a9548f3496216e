package dev.jitgroups.core.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The syslog sink against real receivers: TLS always verifies the receiver, and mutual TLS works both ways. */
class SyslogSinkTest {

    private final TestCertificates certs = TestCertificates.get();
    private TlsSyslogReceiver receiver;

    @AfterEach
    void stop() throws IOException {
        if (receiver != null) {
            receiver.stop();
        }
    }

    private static SinkSettings settings(SinkType type, int port, Path ca, Path clientKeys) {
        return new SinkSettings("test-syslog", type, "127.0.0.1", port, null, ca, null, clientKeys,
                clientKeys == null ? null : new Secret(TestCertificates.PASSWORD), null, 100, StartFrom.BEGINNING,
                type == SinkType.SYSLOG_TCP, Duration.ofSeconds(5));
    }

    private static Sink sink(SinkSettings s) throws Exception {
        return new SyslogSink(s, s.type() == SinkType.SYSLOG_TCP ? null : TlsContexts.create(s), new SyslogFormat("jit01"));
    }

    private static List<SiemEvent> events(long first, long last) {
        return java.util.stream.LongStream.rangeClosed(first, last).mapToObj(n -> SiemFormatsTest.memberAdded(n, "e" + n))
                .toList();
    }

    private static List<String> seqs(List<String> messages) {
        return messages.stream().map(m -> SyslogParsing.rfc5424(m).sd().get("seq")).toList();
    }

    @Test
    void mutual_tls_delivers_the_events_in_order() throws Exception {
        receiver = new TlsSyslogReceiver(TestCertificates.serverContext(certs.receiverKeys, certs.clientCa), true).start(0);
        Sink sink = sink(settings(SinkType.SYSLOG_TLS, receiver.port(), certs.receiverCa, certs.clientKeys));

        sink.deliver(events(1, 3));
        sink.deliver(events(4, 5));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.messages().size() == 5);
        assertThat(seqs(receiver.messages())).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void a_receiver_whose_certificate_the_ca_file_does_not_vouch_for_gets_nothing() throws Exception {
        receiver = new TlsSyslogReceiver(TestCertificates.serverContext(certs.strangerKeys, null), false).start(0);
        Sink sink = sink(settings(SinkType.SYSLOG_TLS, receiver.port(), certs.receiverCa, null));

        assertThatThrownBy(() -> sink.deliver(events(1, 1))).isInstanceOf(IOException.class)
                .hasMessageContaining("PKIX");
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void a_receiver_that_refuses_our_missing_client_certificate_is_a_failure_not_a_delivery() throws Exception {
        receiver = new TlsSyslogReceiver(TestCertificates.serverContext(certs.receiverKeys, certs.clientCa), true).start(0);
        Sink sink = sink(settings(SinkType.SYSLOG_TLS, receiver.port(), certs.receiverCa, null));

        // with TLS 1.3 the refusal (a bad_certificate alert) may arrive only after the events were written, or break
        // the write itself: either way they count as not delivered
        assertThatThrownBy(() -> sink.deliver(events(1, 2))).isInstanceOf(IOException.class);
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void plain_tcp_uses_the_same_framing() throws Exception {
        receiver = new TlsSyslogReceiver(null, false).start(0);
        Sink sink = sink(settings(SinkType.SYSLOG_TCP, receiver.port(), null, null));

        sink.deliver(events(1, 2));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.messages().size() == 2);
        assertThat(seqs(receiver.messages())).containsExactly("1", "2");
    }

    @Test
    void a_receiver_that_is_down_is_a_failure() throws Exception {
        receiver = new TlsSyslogReceiver(TestCertificates.serverContext(certs.receiverKeys, null), false).start(0);
        int port = receiver.port();
        receiver.stop();
        Sink sink = sink(settings(SinkType.SYSLOG_TLS, port, certs.receiverCa, null));

        assertThatThrownBy(() -> sink.deliver(events(1, 1))).isInstanceOf(IOException.class);

        receiver.start(port);
        sink.deliver(events(1, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.messages().size() == 1);
    }
}
