package dev.jitgroups.bot.security;

import com.nimbusds.jose.KeySourceException;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Spring Security's side of {@link ChannelTokens}: a bearer token in, a {@link VerifiedCaller} out. */
final class ChannelAuthentication implements AuthenticationManager {

    private final ChannelTokens tokens;

    ChannelAuthentication(ChannelTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request instanceof BearerTokenAuthenticationToken bearer)) {
            throw new InvalidBearerTokenException(TokenRefused.Reason.MALFORMED.text());
        }
        try {
            return new Caller(tokens.verify(bearer.getToken()));
        } catch (TokenRefused e) {
            throw new InvalidBearerTokenException(e.reason().text());
        } catch (KeySourceException e) {
            throw new KeysUnavailable(e);
        }
    }

    /** An authenticated caller of /api/messages. */
    static final class Caller extends AbstractAuthenticationToken {

        private final VerifiedCaller caller;

        Caller(VerifiedCaller caller) {
            super(List.of(new SimpleGrantedAuthority(caller.fromChannel() ? "ROLE_CHANNEL" : "ROLE_BOT")));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public VerifiedCaller getPrincipal() {
            return caller;
        }
    }

    /** The signing keys could not be fetched: our fault, not the caller's (answered 503, not 401). */
    static final class KeysUnavailable extends OAuth2AuthenticationException {

        KeysUnavailable(Throwable cause) {
            super(new OAuth2Error("temporarily_unavailable"), cause.getMessage(), cause);
        }
    }
}
