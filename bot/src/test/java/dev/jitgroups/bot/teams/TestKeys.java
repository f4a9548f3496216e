package dev.jitgroups.bot.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Signs Bot Framework-shaped tokens with keys the fake OpenID metadata serves (one set per JVM): the channel's key
 * endorsing Teams, a channel key that endorses another channel only, and an Entra ID key for other bots' tokens.
 */
final class TestKeys {

    static final String ISSUER = "https://api.botframework.com";
    static final RSAKey TRUSTED = generate("channel-key");
    static final RSAKey NOT_ENDORSING_TEAMS = generate("skype-only-key");
    static final RSAKey FOREIGN = generate("channel-key");
    static final RSAKey UNKNOWN_KID = generate("no-such-key");
    static final RSAKey ENTRA = generate("entra-key");

    private TestKeys() {
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The channel's key set as login.botframework.com serves it: each key lists the channels it signs for. */
    static String jwks() {
        return "{\"keys\":[" + withEndorsements(TRUSTED, List.of("msteams", "webchat")) + ","
                + withEndorsements(NOT_ENDORSING_TEAMS, List.of("skype")) + "]}";
    }

    static String entraJwks() {
        return "{\"keys\":[" + ENTRA.toPublicJWK().toJSONString() + "]}";
    }

    private static String withEndorsements(RSAKey key, List<String> channels) {
        Map<String, Object> json = key.toPublicJWK().toJSONObject();
        json.put("endorsements", channels);
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(json);
    }

    /** The claims of a channel token as the Bot Framework issues it: issuer, audience the app id, serviceurl. */
    static JWTClaimsSet.Builder channelClaims(String appId, String serviceUrl) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(appId).claim("serviceurl", serviceUrl)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    /** An Entra ID v2 token of another bot (appId {@code callerAppId}) for this bot. */
    static JWTClaimsSet.Builder otherBotClaims(String tenant, String audience, String callerAppId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("https://login.microsoftonline.com/" + tenant + "/v2.0")
                .audience(audience).claim("azp", callerAppId).claim("tid", tenant).claim("ver", "2.0")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    /** A valid channel token, as the Authorization header value. */
    static String token(RSAKey key, String appId, String serviceUrl) {
        return bearer(key, channelClaims(appId, serviceUrl).build());
    }

    static String bearer(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    /** An unsigned token ({@code alg: none}). */
    static String unsigned(JWTClaimsSet claims) {
        return "Bearer " + new PlainJWT(claims).serialize();
    }

    /** A token whose payload is not JSON but text meant to forge a log line. */
    static String forgedPayload(String payload) {
        return "Bearer " + Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"channel-key\"}") + "."
                + Base64URL.encode(payload) + "." + Base64URL.encode("sig");
    }
}
