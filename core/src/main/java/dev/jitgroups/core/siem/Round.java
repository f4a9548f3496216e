package dev.jitgroups.core.siem;

/**
 * What one delivery round for a sink came to, so that its job knows when to run next.
 *
 * @param kind how it ended
 * @param consecutiveFailures failed attempts since the last success (for the back-off)
 */
public record Round(Kind kind, int consecutiveFailures) {

    /** How a round ended. */
    public enum Kind {
        /** Delivered, and more events wait: run again at once. */
        MORE,
        /** Nothing left to send: look again after the poll interval. */
        CAUGHT_UP,
        /** The sink did not take the events: retry after a back-off. */
        FAILED,
        /** The sink is no longer configured: its job ends (its cursor stays, should it come back). */
        UNKNOWN_SINK
    }

    static Round of(Kind kind) {
        return new Round(kind, 0);
    }
}
