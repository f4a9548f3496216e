package dev.jitgroups.bot.security;

import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** The access tokens the bot presents to the Bot Connector, as its Azure Bot registration is set up. */
public interface BotTokens {

    /**
     * An access token for a resource.
     *
     * @param resource the resource URI, such as {@code https://api.botframework.com} (a trailing {@code /.default}
     *        is accepted)
     * @throws BotTokenException when no token could be obtained
     */
    String token(String resource);

    /** No token: the token authority refused the app's credentials or could not be reached. */
    class BotTokenException extends RuntimeException {

        public BotTokenException(String message, Throwable cause) {
            super(message, cause);
        }

        /**
         * True when the authority could not be reached or was busy (asking again later may work); false when it
         * refused the credentials, which only a change of configuration mends.
         */
        public boolean retryable() {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                if (t instanceof MsalServiceException refused) {
                    return refused.statusCode() == 429 || refused.statusCode() >= 500;
                }
                if (t instanceof IOException || t instanceof TimeoutException || t instanceof InterruptedException) {
                    return true;
                }
            }
            return false;
        }
    }
}
