package dev.jitgroups.bot.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that is not let in: 401 with no detail (the sender learns nothing), and one log line made only of
 * our own words and the peer address, never the sender's text, so nobody can forge log lines through a token.
 */
public final class Refusals implements AuthenticationEntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        if (e instanceof ChannelAuthentication.KeysUnavailable) {
            LOG.warn("cannot verify Bot Framework tokens now: {}; answering 503 so the Bot Connector retries",
                    clean(e.getMessage()));
            response.setHeader("Retry-After", "10");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        refuse(request, response, reason(e));
    }

    /** Refuses with 401 and logs why (the reason must be our own words). */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, String reason) {
        log(request, reason);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** Logs a refusal (the reason must be our own words). */
    public static void log(HttpServletRequest request, String reason) {
        LOG.info("refused {} {} from {}: {}", request.getMethod(), clean(request.getRequestURI()), request.getRemoteAddr(),
                reason);
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof InvalidBearerTokenException && e.getMessage() != null && Arrays.stream(TokenRefused.Reason
                .values()).anyMatch(r -> r.text().equals(e.getMessage()))) {
            return "token " + e.getMessage();
        }
        if (e instanceof InvalidBearerTokenException || e.getClass().getSimpleName().startsWith("OAuth2")) {
            return "malformed Authorization header";
        }
        return "no token";
    }

    /** Printable ASCII only, at most 200 characters: what is left of text that may come from outside. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 200; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
