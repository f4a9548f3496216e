package dev.jitgroups.bot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The bot's own tokens through MSAL, against a local HTTPS stand-in for Entra ID's token endpoint: from the
 * tenant's authority for a single-tenant app, from botframework.com for a legacy multi-tenant one, with a client
 * secret or a certificate (a client assertion signed with its key), and cached until they expire.
 */
class AppRegistrationTokensTest {

    static final String TENANT = "72f988bf-0000-0000-0000-000000000002";
    static final String APP = "33333333-0000-0000-0000-000000000003";
    static final FakeTokenAuthority AUTHORITY = FakeTokenAuthority.get();

    @Test
    void a_single_tenant_app_gets_its_token_from_its_own_tenant_with_its_secret_and_reuses_it() {
        assumeTrue(AUTHORITY.onDefaultPort(), "the stand-in could not listen on 127.0.0.9:443 (not root, or taken): "
                + "MSAL's cache needs it");
        AppRegistrationTokens tokens = new AppRegistrationTokens(settings(AppType.SINGLE_TENANT, "s3cret", null));
        int before = AUTHORITY.requests().size();

        String first = tokens.token("https://api.botframework.com");
        String second = tokens.token("https://api.botframework.com");

        List<FakeTokenAuthority.TokenRequest> asked = AUTHORITY.requests().subList(before, AUTHORITY.requests().size());
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
            assertThat(r.form()).containsEntry("client_id", APP).containsEntry("client_secret", "s3cret");
            assertThat(r.form().get("scope").split(" ")).contains("https://api.botframework.com/.default");
            assertThat(r.token()).isEqualTo(first);
        });
        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_legacy_multi_tenant_app_gets_its_token_from_the_botframework_tenant() {
        AppRegistrationTokens tokens = new AppRegistrationTokens(settings(AppType.MULTI_TENANT, "s3cret", null));
        int before = AUTHORITY.requests().size();

        tokens.token("https://api.botframework.com/.default");

        assertThat(AUTHORITY.requests().get(before).path()).isEqualTo("/botframework.com/oauth2/v2.0/token");
    }

    @Test
    void a_certificate_app_proves_itself_with_an_assertion_signed_by_its_key(@TempDir Path dir) throws Exception {
        Path p12 = FakeTokenAuthority.newClientCertificate(dir);
        BotSettings settings = settings(AppType.SINGLE_TENANT, null, p12.toString());
        int before = AUTHORITY.requests().size();

        new AppRegistrationTokens(settings).token("https://api.botframework.com");

        FakeTokenAuthority.TokenRequest asked = AUTHORITY.requests().get(before);
        assertThat(asked.form()).doesNotContainKey("client_secret").containsEntry("client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(asked.form().get("client_assertion"));
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) certificate(p12).getPublicKey()))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(APP);
        assertThat(assertion.getJWTClaimsSet().getAudience().get(0)).contains(TENANT);
    }

    @Test
    void a_refused_secret_is_reported_with_what_to_check_and_without_the_secret() {
        AppRegistrationTokens tokens = new AppRegistrationTokens(settings(AppType.SINGLE_TENANT, "wrong-secret", null));

        assertThatThrownBy(() -> tokens.token("https://api.botframework.com"))
                .isInstanceOf(BotTokens.BotTokenException.class).hasMessageContaining("MicrosoftAppTenantId")
                .hasMessageNotContaining("wrong-secret");
    }

    private static BotSettings settings(AppType type, String secret, String certificate) {
        return new BotSettings(APP, type, TENANT, secret, certificate, certificate == null ? null
                : FakeTokenAuthority.PASSWORD, List.of(TENANT), List.of(), BotCloud.PUBLIC, null, null,
                AUTHORITY.url(), List.of(), null, DataSize.ofKilobytes(256), false);
    }

    private static X509Certificate certificate(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, FakeTokenAuthority.PASSWORD.toCharArray());
        }
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }
}
