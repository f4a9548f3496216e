package dev.jitgroups.bot.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.MemberRef;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Teams user to AD account through Microsoft Graph, against a local server that answers like Graph. */
class GraphIdentityTest {

    static final String ALICE_SID = "S-1-5-21-1111111111-2222222222-3333333333-1101";
    static final String ALICE_AAD = "6b1f0a33-0000-4000-8000-00000000a11c";
    static final String CLOUD_ONLY_AAD = "6b1f0a33-0000-4000-8000-0000000c10d0";
    static final String TIER0_CLOUD_GROUP = "0f6a1c2e-1111-2222-3333-444455556666";

    HttpServer server;
    final Map<String, String> routes = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    final AccountDirectory directory = new ThreeUsers();
    GraphClient graph;

    @BeforeEach
    void graphServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        routes.put("POST /token", "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"graph-token\"}");
        routes.put("GET /v1.0/users/" + ALICE_AAD, "{\"id\":\"" + ALICE_AAD + "\",\"userPrincipalName\":"
                + "\"alice@corp.example\",\"onPremisesSecurityIdentifier\":\"" + ALICE_SID + "\"}");
        routes.put("GET /v1.0/users/" + CLOUD_ONLY_AAD, "{\"id\":\"" + CLOUD_ONLY_AAD + "\",\"userPrincipalName\":"
                + "\"guest@corp.example\",\"onPremisesSecurityIdentifier\":null}");
        routes.put("GET /v1.0/users?$select=id&$filter=onPremisesSecurityIdentifier eq '" + ALICE_SID + "'",
                "{\"value\":[{\"id\":\"" + ALICE_AAD + "\"}]}");
        routes.put("POST /v1.0/users/" + ALICE_AAD + "/checkMemberGroups", "{\"value\":[\"" + TIER0_CLOUD_GROUP + "\"]}");
        graph = new GraphClient(new GraphSettings("tenant", "client", "secret", base + "/v1.0", base + "/token"),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void the_entra_users_on_premises_sid_finds_the_ad_account() {
        AccountLookup lookup = new AccountLookup(directory, Optional.of(graph), Clock.systemUTC());

        Optional<Account> found = lookup.identify(new TeamsUser(ALICE_AAD, "someone-else@corp.example", "Alice")).knownAccount();

        assertThat(found).map(Account::samAccountName).contains("alice");
        assertThat(authorizations).contains("Bearer graph-token");
    }

    @Test
    void a_cloud_only_user_has_no_ad_account() {
        AccountLookup lookup = new AccountLookup(directory, Optional.of(graph), Clock.systemUTC());

        assertThat(lookup.identify(new TeamsUser(CLOUD_ONLY_AAD, "alice@corp.example", "Guest")).knownAccount()).isEmpty();
    }

    @Test
    void when_graph_fails_the_teams_upn_is_used() {
        status = 503;
        AccountLookup lookup = new AccountLookup(directory, Optional.of(graph), Clock.systemUTC());

        assertThat(lookup.identify(new TeamsUser(ALICE_AAD, "bob@corp.example", "Bob")).knownAccount())
                .map(Account::samAccountName).contains("bob");
    }

    @Test
    void without_graph_the_teams_upn_is_used() {
        AccountLookup lookup = new AccountLookup(directory, Optional.empty(), Clock.systemUTC());

        assertThat(lookup.identify(new TeamsUser(ALICE_AAD, "carol@corp.example", "Carol")).knownAccount())
                .map(Account::samAccountName).contains("carol");
    }

    @Test
    void entra_group_members_are_found_through_graph() {
        GraphEntraGroups groups = new GraphEntraGroups(Optional.of(graph));
        Account alice = directory.findUser("alice").orElseThrow();
        Account bob = directory.findUser("bob").orElseThrow();

        assertThat(groups.isMember(alice, TIER0_CLOUD_GROUP)).isTrue();
        assertThat(groups.isMember(alice, "99999999-1111-2222-3333-444455556666")).isFalse();
        assertThat(groups.isMember(bob, TIER0_CLOUD_GROUP)).isFalse();
        assertThat(new GraphEntraGroups(Optional.empty()).isMember(alice, TIER0_CLOUD_GROUP)).isFalse();
    }

    private void answer(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        String key = ex.getRequestMethod() + " " + URLDecoder.decode(ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                StandardCharsets.UTF_8);
        String body = routes.getOrDefault(key, routes.get(key.replaceFirst("\\?\\$select=[^&]*$", "")));
        int code = body == null ? 404 : key.startsWith("POST /token") ? 200 : status;
        if (body == null && key.startsWith("GET /v1.0/users?")) {
            body = "{\"value\":[]}";
            code = 200;
        }
        byte[] bytes = (body == null ? "{\"error\":{\"code\":\"Request_ResourceNotFound\"}}" : body)
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough of the directory port for the mapping: three demo users found by UPN, name or sid. */
    static final class ThreeUsers implements AccountDirectory {

        private final List<Account> users = List.of(
                new Account(ALICE_SID, "CN=Alice Adams,OU=People,DC=corp,DC=example", "alice@corp.example", "alice",
                        "Alice Adams", true),
                new Account("S-1-5-21-1111111111-2222222222-3333333333-1102", "CN=Bob Brown,OU=People,DC=corp,DC=example",
                        "bob@corp.example", "bob", "Bob Brown", true),
                new Account("S-1-5-21-1111111111-2222222222-3333333333-1103",
                        "CN=Carol Clark,OU=People,DC=corp,DC=example", "carol@corp.example", "carol", "Carol Clark", true));

        @Override
        public Optional<Account> findUser(String reference) {
            return users.stream().filter(a -> reference.equalsIgnoreCase(a.userPrincipalName())
                    || reference.equalsIgnoreCase(a.samAccountName()) || reference.equalsIgnoreCase("sid:" + a.id()))
                    .findFirst();
        }

        @Override
        public boolean isTransitiveMember(Account user, Dn group) {
            return false;
        }

        @Override
        public List<Account> transitiveMembers(Dn group) {
            return List.of();
        }

        @Override
        public Optional<Account> managerOf(MemberRef user) {
            return Optional.empty();
        }
    }
}
