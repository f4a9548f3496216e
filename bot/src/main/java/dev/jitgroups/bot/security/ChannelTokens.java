package dev.jitgroups.bot.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies the bearer token of an inbound activity. Accepted are tokens the Bot Framework channel issues for this bot
 * (issuer {@code https://api.botframework.com}, a key from the channel's OpenID metadata that endorses Teams,
 * audience = this app id, {@code exp}, {@code nbf} and {@code serviceurl} present) and, only when
 * {@code jit.bot.allowed-callers} names them, Entra ID tokens of those other bots from an allowed tenant. Everything
 * else is refused: emulator tokens, other bots, other audiences, unsigned or foreign-signed tokens, expired ones.
 */
public final class ChannelTokens {

    /** Teams' channel id: the Bot Framework keys must endorse it. */
    public static final String TEAMS = "msteams";
    static final int MAX_CLOCK_SKEW_SECONDS = 120;

    private final BotSettings settings;
    private final DefaultJWTProcessor<SecurityContext> channel;
    private final DefaultJWTProcessor<SecurityContext> callers;

    public ChannelTokens(BotSettings settings) {
        this(settings, new SigningKeys(settings.openIdMetadata(), TEAMS),
                new SigningKeys(settings.entraOpenIdMetadata(), null));
    }

    ChannelTokens(BotSettings settings, JWKSource<SecurityContext> channelKeys, JWKSource<SecurityContext> entraKeys) {
        this.settings = settings;
        this.channel = processor(channelKeys, new JWTClaimsSet.Builder().issuer(settings.channelIssuer()).build(),
                Set.of("iss", "aud", "exp", "nbf", "serviceurl"), Set.of(settings.appId()));
        this.callers = processor(entraKeys, null, Set.of("iss", "aud", "exp", "nbf", "tid", "ver"),
                Set.of(settings.appId(), "api://" + settings.appId()));
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, JWTClaimsSet exact,
            Set<String> required, Set<String> audiences) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // mutable sets: Nimbus asks them whether they contain null, which Set.of answers with an exception
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(new HashSet<>(audiences),
                exact, new HashSet<>(required), null);
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    /**
     * The caller a token proves.
     *
     * @throws TokenRefused when the token is not let in
     * @throws KeySourceException when the signing keys cannot be fetched (a fault on our side, not the caller's)
     */
    public VerifiedCaller verify(String token) throws TokenRefused, KeySourceException {
        SignedJWT jwt;
        String issuer;
        try {
            JWT parsed = JWTParser.parse(token);
            if (!(parsed instanceof SignedJWT signed)) {
                throw new TokenRefused(TokenRefused.Reason.ALGORITHM);
            }
            jwt = signed;
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new TokenRefused(TokenRefused.Reason.MALFORMED);
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new TokenRefused(TokenRefused.Reason.ALGORITHM);
        }
        if (settings.channelIssuer().equals(issuer)) {
            JWTClaimsSet claims = process(channel, jwt);
            return new VerifiedCaller(settings.appId(), issuer, text(claims, "serviceurl"), null);
        }
        if (!settings.allowedCallers().isEmpty() && entraTenant(issuer) != null) {
            return otherBot(process(callers, jwt), issuer);
        }
        throw new TokenRefused(TokenRefused.Reason.ISSUER);
    }

    /** Another bot's Entra token: its tenant must be allowed and its app id listed in allowed-callers. */
    private VerifiedCaller otherBot(JWTClaimsSet claims, String issuer) throws TokenRefused {
        String tenant = text(claims, "tid");
        if (tenant == null || !tenant.equalsIgnoreCase(entraTenant(issuer)) || !settings.allowsTenant(tenant)) {
            throw new TokenRefused(TokenRefused.Reason.TENANT);
        }
        String caller = "1.0".equals(text(claims, "ver")) ? text(claims, "appid") : text(claims, "azp");
        if (caller == null || !settings.allowedCallers().contains(caller.toLowerCase(Locale.ROOT))) {
            throw new TokenRefused(TokenRefused.Reason.CALLER);
        }
        return new VerifiedCaller(settings.appId(), issuer, null, caller);
    }

    /** The tenant of an Entra ID issuer (v1 {@code https://sts.windows.net/<tid>/} or v2), or null. */
    private String entraTenant(String issuer) {
        if (issuer == null) {
            return null;
        }
        Set<String> prefixes = new HashSet<>(Set.of("https://sts.windows.net/", settings.loginAuthority()));
        for (String prefix : prefixes) {
            if (issuer.startsWith(prefix)) {
                String rest = issuer.substring(prefix.length()).replaceAll("(/v2\\.0)?/?$", "");
                return rest.isEmpty() || rest.contains("/") ? null : rest;
            }
        }
        return null;
    }

    private static JWTClaimsSet process(DefaultJWTProcessor<SecurityContext> processor, SignedJWT jwt)
            throws TokenRefused, KeySourceException {
        try {
            return processor.process(jwt, null);
        } catch (BadJWSException e) {
            throw new TokenRefused(TokenRefused.Reason.SIGNATURE);
        } catch (BadJWTException e) {
            throw new TokenRefused(claimsReason(e.getMessage()));
        } catch (BadJOSEException e) {
            throw new TokenRefused(TokenRefused.Reason.UNKNOWN_KEY);
        } catch (RateLimitReachedException e) {
            // an unknown key id again within the refresh interval: still unknown, and the sender's problem
            throw new TokenRefused(TokenRefused.Reason.UNKNOWN_KEY);
        } catch (KeySourceException e) {
            throw e;
        } catch (JOSEException e) {
            throw new TokenRefused(TokenRefused.Reason.SIGNATURE);
        }
    }

    /** Nimbus's claim messages mapped to our fixed reasons (its messages quote the sender's claim values). */
    private static TokenRefused.Reason claimsReason(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("Expired JWT")) {
            return TokenRefused.Reason.EXPIRED;
        }
        if (m.startsWith("JWT before use time")) {
            return TokenRefused.Reason.NOT_YET_VALID;
        }
        if (m.startsWith("JWT audience rejected") || m.startsWith("JWT missing required audience")) {
            return TokenRefused.Reason.AUDIENCE;
        }
        if (m.startsWith("JWT missing required claims")) {
            return TokenRefused.Reason.MISSING_CLAIM;
        }
        if (m.startsWith("JWT iss claim")) {
            return TokenRefused.Reason.ISSUER;
        }
        return TokenRefused.Reason.CLAIMS;
    }

    private static String text(JWTClaimsSet claims, String name) {
        try {
            String value = claims.getStringClaim(name);
            return value == null || value.isBlank() ? null : value;
        } catch (ParseException e) {
            return null;
        }
    }
}
