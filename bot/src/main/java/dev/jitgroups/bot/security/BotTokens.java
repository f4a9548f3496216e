package dev.jitgroups.bot.security;

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

    /** No token: the token authority refused the bot's credentials or could not be reached. */
    class BotTokenException extends RuntimeException {

        public BotTokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
