package dev.jitgroups.bot.security;

/** A token that is not let in, and why in a fixed word or two (never the token's own text: it is the sender's). */
public final class TokenRefused extends Exception {

    /** Why a token was refused. */
    public enum Reason {
        MALFORMED("not a signed JWT"),
        ALGORITHM("algorithm not RS256"),
        ISSUER("issuer not accepted"),
        UNKNOWN_KEY("signed by an unknown key"),
        SIGNATURE("bad signature"),
        EXPIRED("expired"),
        NOT_YET_VALID("not valid yet"),
        AUDIENCE("issued for another app"),
        MISSING_CLAIM("required claim missing"),
        TENANT("tenant not allowed"),
        CALLER("calling app not allowed"),
        CLAIMS("claims rejected"),
        SERVICE_URL("service URL not bound to the token"),
        CHANNEL("channel not endorsed");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public TokenRefused(Reason reason) {
        super(reason.text(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
