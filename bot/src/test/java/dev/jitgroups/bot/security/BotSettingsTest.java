package dev.jitgroups.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** Start-up refuses a bot configuration that cannot work or would let the wrong traffic in, naming the key. */
class BotSettingsTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String APP = "44444444-0000-0000-0000-000000000004";

    @Test
    void an_app_id_without_any_allowed_tenant_is_refused() {
        assertThat(settings(AppType.SINGLE_TENANT, List.of(), "secret", null).problems())
                .anySatisfy(p -> assertThat(p).startsWith("jit.bot.allowed-tenants: must name at least one"));
    }

    @Test
    void a_single_tenant_app_takes_its_tenant_from_the_only_allowed_one_and_needs_a_secret_or_certificate() {
        BotSettings s = settings(AppType.SINGLE_TENANT, List.of(TENANT), null, null);

        assertThat(s.homeTenant()).isEqualTo(TENANT);
        assertThat(s.authority()).isEqualTo("https://login.microsoftonline.com/" + TENANT + "/");
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("MicrosoftAppPassword"));
    }

    @Test
    void a_single_tenant_app_serving_several_tenants_must_name_its_own() {
        assertThat(settings(AppType.SINGLE_TENANT, List.of(TENANT, "11111111-0000-0000-0000-000000000001"), "s", null)
                .problems()).singleElement().satisfies(p -> assertThat(p).startsWith("MicrosoftAppTenantId"));
    }

    @Test
    void a_managed_identity_has_no_secret() {
        assertThat(settings(AppType.USER_ASSIGNED_MSI, List.of(TENANT), null, null).problems()).isEmpty();
        assertThat(settings(AppType.USER_ASSIGNED_MSI, List.of(TENANT), "secret", null).problems())
                .singleElement().satisfies(p -> assertThat(p).contains("managed identity has no secret"));
    }

    @Test
    void a_managed_identity_gets_its_tokens_as_the_identity_named_by_the_app_id() {
        BotTokens tokens = new FrontDoorSecurity().botTokens(new FrontDoorSecurity.CheckedBotSettings(
                settings(AppType.USER_ASSIGNED_MSI, List.of(TENANT), null, null)));

        assertThat(tokens).isInstanceOfSatisfying(ManagedIdentityTokens.class,
                t -> assertThat(t.clientId()).isEqualTo(APP));
    }

    @Test
    void a_legacy_multi_tenant_app_asks_the_botframework_tenant() {
        assertThat(settings(AppType.MULTI_TENANT, List.of(TENANT), "s", null).authority())
                .isEqualTo("https://login.microsoftonline.com/botframework.com/");
    }

    @Test
    void a_tenant_that_is_not_a_guid_is_refused() {
        assertThat(settings(AppType.SINGLE_TENANT, List.of("contoso.onmicrosoft.com"), "s", null).problems())
                .anySatisfy(p -> assertThat(p).startsWith("jit.bot.allowed-tenants: 'contoso.onmicrosoft.com'"));
    }

    @Test
    void the_secret_never_shows_in_to_string() {
        assertThat(settings(AppType.SINGLE_TENANT, List.of(TENANT), "very-secret", null).toString())
                .doesNotContain("very-secret").contains("appPassword=(set)");
    }

    @Test
    void local_mode_needs_loopback_and_the_embedded_directory() {
        BotSettings local = new BotSettings("", null, null, null, null, null, List.of(), List.of(), null, null, null,
                null, List.of(), null, null, false);

        assertThat(LocalMode.problems(local, new MockEnvironment().withProperty("server.address", "127.0.0.1")))
                .isEmpty();
        assertThat(LocalMode.problems(local, new MockEnvironment())).singleElement()
                .satisfies(p -> assertThat(p).startsWith("server.address: is not set"));
        assertThat(LocalMode.problems(local, new MockEnvironment().withProperty("server.address", "0.0.0.0")))
                .singleElement().satisfies(p -> assertThat(p).contains("not a loopback address"));
        assertThat(LocalMode.problems(local, new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("jit.ldap.urls[0]", "ldaps://dc1.corp.example"))).singleElement()
                .satisfies(p -> assertThat(p).startsWith("jit.ldap.urls: local mode"));
    }

    private static BotSettings settings(AppType type, List<String> tenants, String secret, String certificate) {
        return new BotSettings(APP, type, null, secret, certificate, null, tenants, List.of(), BotCloud.PUBLIC, null,
                null, null, List.of(), null, DataSize.ofKilobytes(256), false);
    }
}
