package dev.jitgroups.bot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Other bots' Entra ID tokens are refused unless {@code jit.bot.allowed-callers} names the bot, and then only from
 * an allowed tenant; the matrix of channel tokens runs through /api/messages in TokenMatrixTest.
 */
class ChannelTokensTest {

    static final String TENANT = "72f988bf-0000-0000-0000-000000000005";
    static final String APP = "55555555-0000-0000-0000-000000000005";
    static final String CALLER = "66666666-0000-0000-0000-000000000006";
    static final RSAKey CHANNEL = key("channel");
    static final RSAKey ENTRA = key("entra");

    @Test
    void another_bots_token_is_accepted_only_when_allowed_callers_names_it() throws Exception {
        String token = otherBot(TENANT, CALLER);

        assertThatThrownBy(() -> tokens(List.of()).verify(token)).isInstanceOfSatisfying(TokenRefused.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRefused.Reason.ISSUER));
        VerifiedCaller caller = tokens(List.of(CALLER)).verify(token);

        assertThat(caller.fromChannel()).isFalse();
        assertThat(caller.callerAppId()).isEqualTo(CALLER);
        assertThat(caller.serviceUrl()).isNull();
    }

    @Test
    void an_allowed_caller_from_a_tenant_that_is_not_allowed_is_refused() {
        String token = otherBot("99999999-0000-0000-0000-000000000009", CALLER);

        assertThatThrownBy(() -> tokens(List.of(CALLER)).verify(token)).isInstanceOfSatisfying(TokenRefused.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRefused.Reason.TENANT));
    }

    @Test
    void a_caller_not_in_the_list_is_refused() {
        String token = otherBot(TENANT, "77777777-0000-0000-0000-000000000007");

        assertThatThrownBy(() -> tokens(List.of(CALLER)).verify(token)).isInstanceOfSatisfying(TokenRefused.class,
                e -> assertThat(e.reason()).isEqualTo(TokenRefused.Reason.CALLER));
    }

    @Test
    void unreachable_signing_keys_are_our_fault_not_a_refusal() {
        BotSettings settings = settings(List.of());
        ChannelTokens unreachable = new ChannelTokens(settings, new SigningKeys("http://127.0.0.1:9/openid", "msteams"),
                new ImmutableJWKSet<>(new JWKSet(ENTRA.toPublicJWK())));
        String token = sign(CHANNEL, new JWTClaimsSet.Builder().issuer("https://api.botframework.com").audience(APP)
                .claim("serviceurl", "https://smba.trafficmanager.net/amer/").notBeforeTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());

        assertThatThrownBy(() -> unreachable.verify(token)).isInstanceOf(KeySourceException.class);
    }

    private static ChannelTokens tokens(List<String> callers) {
        return new ChannelTokens(settings(callers), new ImmutableJWKSet<SecurityContext>(new JWKSet(
                CHANNEL.toPublicJWK())), new ImmutableJWKSet<>(new JWKSet(ENTRA.toPublicJWK())));
    }

    private static BotSettings settings(List<String> callers) {
        return new BotSettings(APP, AppType.SINGLE_TENANT, TENANT, "s", null, null, List.of(TENANT), callers,
                BotCloud.PUBLIC, null, null, null, List.of(), null, DataSize.ofKilobytes(256), false);
    }

    private static String otherBot(String tenant, String caller) {
        Instant now = Instant.now();
        return sign(ENTRA, new JWTClaimsSet.Builder().issuer("https://login.microsoftonline.com/" + tenant + "/v2.0")
                .audience(APP).claim("azp", caller).claim("tid", tenant).claim("ver", "2.0")
                .notBeforeTime(Date.from(now.minusSeconds(10))).expirationTime(Date.from(now.plusSeconds(300)))
                .build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
