package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an app id, every activity needs a Bot Framework token; the OpenID metadata is the fake's. */
@Import(AuthenticationTest.FixedOutboundToken.class)
class AuthenticationTest extends BotScenario {

    static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    static final String OUTBOUND_TOKEN = "outbound-test-token";

    @DynamicPropertySource
    static void appId(DynamicPropertyRegistry registry) {
        CONNECTOR.serveKeys(TestKeys.jwks());
        registry.add("MicrosoftAppId", () -> APP_ID);
        registry.add("MicrosoftAppPassword", () -> "not-used-in-tests");
        registry.add("BotOpenIdMetadata", CONNECTOR::openIdMetadataUrl);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:bot-auth;DB_CLOSE_DELAY=-1");
        registry.add("jit.bot.allowed-tenants", () -> TeamsActivities.TENANT);
    }

    /** Outbound calls carry a fixed token instead of asking Microsoft login for one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedOutboundToken {
        @Bean
        OutboundCredentials outboundCredentials() {
            return (appId, scope) -> new AppCredentials(null, scope) {
                {
                    setAppId(appId);
                }

                @Override
                public CompletableFuture<String> getToken() {
                    return CompletableFuture.completedFuture(OUTBOUND_TOKEN);
                }

                @Override
                protected Authenticator buildAuthenticator() {
                    throw new UnsupportedOperationException("tests never log in to Microsoft");
                }
            };
        }
    }

    @Test
    void no_token_is_401() {
        HttpResponse<String> r = post(TeamsActivities.message(TeamsPerson.ALICE, "help", CONNECTOR.url()), null);

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void token_signed_by_a_foreign_key_is_401() {
        String token = TestKeys.token(TestKeys.FOREIGN, APP_ID, CONNECTOR.url());

        HttpResponse<String> r = post(TeamsActivities.message(TeamsPerson.ALICE, "help", CONNECTOR.url()), token);

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void token_for_another_bot_is_401() {
        String token = TestKeys.token(TestKeys.TRUSTED, "another-app", CONNECTOR.url());

        HttpResponse<String> r = post(TeamsActivities.message(TeamsPerson.ALICE, "help", CONNECTOR.url()), token);

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void garbage_token_is_401() {
        HttpResponse<String> r = post(TeamsActivities.message(TeamsPerson.ALICE, "help", CONNECTOR.url()),
                "Bearer not.a.jwt");

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void an_authenticated_activity_from_a_tenant_not_allowed_is_refused_politely() {
        String chat = "a:foreign-tenant-" + System.nanoTime();
        TeamsPerson stranger = new TeamsPerson("29:stranger", "aad-stranger", "eve@elsewhere.example", "Eve", chat);
        var activity = TeamsActivities.message(stranger, "request tier0-admins for 1h because x", CONNECTOR.url());
        activity.with("conversation").put("tenantId", "99999999-0000-0000-0000-000000000000");

        HttpResponse<String> r = post(activity, TestKeys.token(TestKeys.TRUSTED, APP_ID, CONNECTOR.url()));

        assertThat(r.statusCode()).isBetween(200, 202);
        assertThat(CONNECTOR.sentTo(chat)).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("serves another organisation"));
    }

    @Test
    void valid_token_is_accepted_and_the_reply_carries_the_bots_own_token() {
        String chat = "a:auth-chat-" + System.nanoTime();
        TeamsPerson alice = new TeamsPerson(TeamsPerson.ALICE.userId(), TeamsPerson.ALICE.aadObjectId(),
                TeamsPerson.ALICE.upn(), TeamsPerson.ALICE.name(), chat);
        String token = TestKeys.token(TestKeys.TRUSTED, APP_ID, CONNECTOR.url());

        HttpResponse<String> r = post(TeamsActivities.message(alice, "help", CONNECTOR.url()), token);

        assertThat(r.statusCode()).isBetween(200, 202);
        assertThat(CONNECTOR.sentTo(chat)).singleElement().satisfies(s -> {
            assertThat(s.text()).contains("`request`");
            assertThat(s.authorization()).isEqualTo("Bearer " + OUTBOUND_TOKEN);
        });
    }
}
