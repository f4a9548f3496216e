package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitgroups.bot.security.FakeTokenAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as deployed for Teams: a single-tenant app registration with a client secret, one allowed tenant,
 * the Bot Framework's OpenID metadata and Entra ID's token endpoint replaced by local stand-ins, and the fake Bot
 * Connector's host as the only allowed service host. Activities posted with {@link #send} carry a valid channel
 * token; the operator endpoints need the operator's password.
 */
abstract class AuthenticatedScenario extends BotScenario {

    static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    static final String APP_SECRET = "test-client-secret-do-not-log";
    static final String OPERATOR_PASSWORD = "operator-test-password";
    static final FakeTokenAuthority AUTHORITY = FakeTokenAuthority.get();

    @DynamicPropertySource
    static void appRegistration(DynamicPropertyRegistry registry) {
        CONNECTOR.serveKeys(TestKeys.jwks());
        registry.add("jit.bot.app-id", () -> APP_ID);
        registry.add("jit.bot.app-password", () -> APP_SECRET);
        registry.add("jit.bot.app-tenant-id", () -> TeamsActivities.TENANT);
        registry.add("jit.bot.allowed-tenants", () -> TeamsActivities.TENANT);
        registry.add("jit.bot.open-id-metadata", CONNECTOR::openIdMetadataUrl);
        registry.add("jit.bot.entra-open-id-metadata", CONNECTOR::entraOpenIdMetadataUrl);
        registry.add("jit.bot.login-authority", AUTHORITY::url);
        registry.add("jit.bot.service-url-hosts", () -> "127.0.0.1");
        // a subclass that needs a context of its own (other properties) names its own database with jit.test.database,
        // else two contexts' job schedulers would share one database
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:${jit.test.database:bot-auth};DB_CLOSE_DELAY=-1");
        registry.add("jit.operator.password", () -> OPERATOR_PASSWORD);
        registry.add("management.endpoints.web.exposure.include", () -> "health,audit");
    }

    @Override
    String authorizationFor(JsonNode activity) {
        return TestKeys.token(TestKeys.TRUSTED, APP_ID, activity.path("serviceUrl").asText());
    }
}
