package dev.jitgroups.core.siem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code jit.siem.*}, validated: no sinks (the default) means nothing is sent.
 *
 * @param sinks where audit events go
 * @param pollInterval how long a sink that has caught up waits before looking for new events
 * @param warnAfter how long a sink may fail before a warning is logged (once per outage)
 * @param hostname the HOSTNAME of syslog messages and {@code dvchost} of CEF
 */
public record SiemSettings(List<SinkSettings> sinks, Duration pollInterval, Duration warnAfter, String hostname) {

    public SiemSettings {
        sinks = List.copyOf(sinks);
    }

    public Optional<SinkSettings> sink(String name) {
        return sinks.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
