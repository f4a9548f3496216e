package dev.jitgroups.core.siem;

import java.io.IOException;
import java.util.List;

/** A receiver of audit events. */
public interface Sink {

    /**
     * Sends the events in the order given and returns once the receiver has acknowledged them all, as far as its
     * protocol allows (syslog: written to the connection; webhook: a 2xx answer).
     *
     * @throws IOException when they may not have arrived; they are then sent again, in the same order
     */
    void deliver(List<SiemEvent> events) throws IOException;
}
