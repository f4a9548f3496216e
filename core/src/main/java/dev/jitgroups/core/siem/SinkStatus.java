package dev.jitgroups.core.siem;

import java.time.Instant;

/**
 * A sink as operators see it.
 *
 * @param name the sink's name
 * @param type its type's configuration name
 * @param deliveredSeq the last event it acknowledged
 * @param lag events written but not yet acknowledged
 * @param deliveredAt when it last acknowledged events, or null
 * @param failingSince first failure of the current outage, or null
 * @param consecutiveFailures failed attempts since the last success
 * @param lastError why the last attempt failed, or null
 */
public record SinkStatus(String name, String type, long deliveredSeq, long lag, Instant deliveredAt, Instant failingSince,
        int consecutiveFailures, String lastError) {
}
