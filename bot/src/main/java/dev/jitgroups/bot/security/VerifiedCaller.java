package dev.jitgroups.bot.security;

/**
 * Who sent an activity, as a verified token says.
 *
 * @param appId this bot's app id (the token's audience)
 * @param issuer the token's issuer
 * @param serviceUrl the {@code serviceurl} claim of a channel token: the only service URL its activity may name;
 *        null for another bot's token
 * @param callerAppId the app id of another bot ({@code jit.bot.allowed-callers}), or null when the Bot Framework
 *        channel (Teams) sent it
 */
public record VerifiedCaller(String appId, String issuer, String serviceUrl, String callerAppId) {

    /** True when Teams (the Bot Framework channel) sent the activity, not another bot. */
    public boolean fromChannel() {
        return callerAppId == null;
    }
}
