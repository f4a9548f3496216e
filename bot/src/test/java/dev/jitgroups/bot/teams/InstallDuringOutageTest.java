package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app installed while Active Directory cannot be reached: the install still succeeds and the chat is stored,
 * only without the account. The context stops its directory, so it is thrown away afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class InstallDuringOutageTest extends ReachScenario {

    @Autowired
    EmbeddedDirectory embedded;

    /** A fixed port, so that the directory comes back where the connection pool looks for it. */
    static final int DIRECTORY_PORT = freePort();

    @DynamicPropertySource
    static void ownDatabaseAndDirectoryPort(DynamicPropertyRegistry registry) {
        registry.add("jit.test.database", () -> "bot-install-outage");
        registry.add("jit.ldap.embedded.port", () -> DIRECTORY_PORT);
    }

    @Test
    void an_install_during_a_directory_outage_is_stored_without_the_account_and_does_not_fail(CapturedOutput log)
            throws LDAPException {
        embedded.server().shutDown(true);
        try {
            deliver(TeamsActivities.personalInstall(TeamsPerson.ERIN, CONNECTOR.url()));
        } finally {
            embedded.server().startListening();
        }

        assertThat(jdbc.queryForList("SELECT account_id FROM bot_conversation WHERE conversation_id = ?", String.class,
                TeamsPerson.ERIN.chatId())).containsExactly((String) null);
        assertThat(log.getOut()).contains("the directory could not be asked who erin@corp.example is");
        assertThat(CONNECTOR.sentTo(TeamsPerson.ERIN.chatId())).anySatisfy(s -> assertThat(s.text())
                .contains("I am JIT Groups"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
