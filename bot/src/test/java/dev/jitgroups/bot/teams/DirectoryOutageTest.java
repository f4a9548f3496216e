package dev.jitgroups.bot.teams;

import com.unboundid.ldap.sdk.LDAPException;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outage drill against the embedded directory, which stops listening and starts again on the same port. */
class DirectoryOutageTest extends DirectoryOutageScenario {

    static final String SERVER_ADMINS = "CN=JIT Server Admins,OU=Privileged,DC=corp,DC=example";

    @Autowired
    EmbeddedDirectory embedded;

    @DynamicPropertySource
    static void fixedPort(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int chosen = port;
        registry.add("jit.ldap.embedded.port", () -> chosen);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:bot-outage;DB_CLOSE_DELAY=-1");
    }

    @Override
    TeamsPerson requester() {
        return TeamsPerson.ALICE;
    }

    @Override
    TeamsPerson approver() {
        return TeamsPerson.SOFIA;
    }

    @Override
    String group() {
        return "server-admins";
    }

    @Override
    String groupDn() {
        return SERVER_ADMINS;
    }

    @Override
    void stopDirectory() {
        embedded.server().shutDown(true);
    }

    @Override
    void startDirectory() throws LDAPException {
        embedded.server().startListening();
    }

    @Override
    boolean isMemberInTheDirectory() throws LDAPException {
        String[] members = embedded.server().getEntry(SERVER_ADMINS).getAttributeValues("member");
        return members != null && java.util.Arrays.stream(members).anyMatch(m -> m.startsWith("CN=Alice Adams,"));
    }
}
