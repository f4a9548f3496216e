package dev.jitgroups.bot.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.EntraException;
import dev.jitgroups.core.directory.MemberRef;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Teams user to AD account through Microsoft Graph (the SDK against a local server that answers like Graph). */
class GraphIdentityTest {

    static final String ALICE_SID = "S-1-5-21-1111111111-2222222222-3333333333-1101";
    static final String ALICE_AAD = "6b1f0a33-0000-4000-8000-00000000a11c";
    static final String CLOUD_ONLY_AAD = "6b1f0a33-0000-4000-8000-0000000c10d0";
    static final String TIER0_CLOUD_GROUP = "0f6a1c2e-1111-2222-3333-444455556666";
    static final String CHECK = "POST /v1.0/users/" + ALICE_AAD + "/checkMemberGroups";

    LocalGraph server;
    final AccountDirectory directory = new ThreeUsers();
    GraphClient graph;

    @BeforeEach
    void graphServer() throws IOException {
        server = new LocalGraph()
                .route("GET /v1.0/users/" + ALICE_AAD, "{\"id\":\"" + ALICE_AAD + "\",\"userPrincipalName\":"
                        + "\"alice@corp.example\",\"onPremisesSecurityIdentifier\":\"" + ALICE_SID + "\"}")
                .route("GET /v1.0/users/" + CLOUD_ONLY_AAD, "{\"id\":\"" + CLOUD_ONLY_AAD + "\",\"userPrincipalName\":"
                        + "\"guest@corp.example\",\"onPremisesSecurityIdentifier\":null}")
                .route("GET /v1.0/users", "onPremisesSecurityIdentifier eq '" + ALICE_SID + "'",
                        "{\"value\":[{\"id\":\"" + ALICE_AAD + "\"}]}")
                .route(CHECK, "{\"value\":[\"" + TIER0_CLOUD_GROUP + "\"]}");
        graph = GraphClient.create(new GraphSettings("tenant", "client", "secret", server.baseUrl(), null),
                LocalGraph.staticToken("graph-token"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_entra_users_on_premises_sid_finds_the_ad_account() {
        AccountLookup lookup = new AccountLookup(directory, Optional.of(graph), Clock.systemUTC());

        Optional<Account> found = lookup.identify(new TeamsUser(ALICE_AAD, "someone-else@corp.example", "Alice")).knownAccount();

        assertThat(found).map(Account::samAccountName).contains("alice");
        assertThat(server.requestsTo("GET /v1.0/users/" + ALICE_AAD)).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer graph-token");
            assertThat(r.query()).containsEntry("$select", "id,userPrincipalName,onPremisesSecurityIdentifier");
        });
    }

    @Test
    void a_cloud_only_user_has_no_ad_account() {
        AccountLookup lookup = new AccountLookup(directory, Optional.of(graph), Clock.systemUTC());

        assertThat(lookup.identify(new TeamsUser(CLOUD_ONLY_AAD, "alice@corp.example", "Guest")).knownAccount()).isEmpty();
    }

    @Test
    void when_graph_fails_the_teams_upn_is_used() {
        server.failNext("GET /v1.0/users/" + ALICE_AAD, 3, 503, null);
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
        assertThat(server.requestsTo("GET /v1.0/users").get(0).query()).containsEntry("$filter",
                "onPremisesSecurityIdentifier eq '" + ALICE_SID + "'").containsEntry("$select", "id");
    }

    @Test
    void graph_down_during_an_entra_group_check_is_an_outage_not_a_no() {
        server.failNext(CHECK, 3, 503, null);
        Account alice = directory.findUser("alice").orElseThrow();

        assertThatThrownBy(() -> new GraphEntraGroups(Optional.of(graph)).isMember(alice, TIER0_CLOUD_GROUP))
                .isInstanceOfSatisfying(EntraException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("Microsoft Graph could not be reached").hasMessageContaining("HTTP 503");
    }

    @Test
    void graph_refusing_the_bot_during_an_entra_group_check_is_said_and_not_retried() {
        server.failNext(CHECK, 1, 403, null);
        Account alice = directory.findUser("alice").orElseThrow();

        assertThatThrownBy(() -> new GraphEntraGroups(Optional.of(graph)).isMember(alice, TIER0_CLOUD_GROUP))
                .isInstanceOfSatisfying(EntraException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("GroupMember.Read.All");
        assertThat(server.requestsTo(CHECK)).hasSize(1);
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
