package dev.jitgroups.bot.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** Signs Bot Framework-shaped tokens with a key served by the fake OpenID metadata endpoint (one per JVM). */
final class TestKeys {

    static final String KEY_ID = "test-key";
    static final RSAKey TRUSTED = generate();
    static final RSAKey FOREIGN = generate();

    private TestKeys() {
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwks() {
        return new JWKSet(TRUSTED.toPublicJWK()).toString();
    }

    /** A channel token as the Bot Framework issues it: issuer api.botframework.com, audience the app id. */
    static String token(RSAKey key, String appId, String serviceUrl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://api.botframework.com").audience(appId)
                .claim("serviceurl", serviceUrl).issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }
}
