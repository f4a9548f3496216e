package dev.jitgroups.core.siem;

import java.time.Instant;

/**
 * Where a sink stands.
 *
 * @param sink the sink's name
 * @param deliveredSeq sequence number of the last event it acknowledged
 * @param deliveredAt when it last acknowledged events, or null
 * @param failingSince first failure of the current outage, or null when the last attempt succeeded
 * @param consecutiveFailures failed attempts since the last success
 * @param lastError why the last attempt failed, or null
 * @param warned whether the current outage has been reported
 */
public record SinkCursor(String sink, long deliveredSeq, Instant deliveredAt, Instant failingSince,
        int consecutiveFailures, String lastError, boolean warned) {
}
