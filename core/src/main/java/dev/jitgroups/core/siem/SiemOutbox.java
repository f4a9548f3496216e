package dev.jitgroups.core.siem;

import dev.jitgroups.core.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit log read as an outbox: each sink has a cursor, the sequence number of the last event it acknowledged,
 * and receives the events after it in sequence order. Sequence numbers are gap-free and committed in order (appends
 * hold the chain head's row lock until they commit), so nothing written later can land behind a cursor.
 */
public interface SiemOutbox {

    /** Creates the sink's cursor if it has none: before the first event, or after the newest one. */
    void open(String sink, StartFrom from, Instant now);

    Optional<SinkCursor> cursor(String sink);

    /** Sequence number of the newest audit event (0 when there is none). */
    long newestSeq();

    /** Up to {@code limit} events after {@code seq}, oldest first, with what is known of their request and group. */
    List<PendingEvent> after(long seq, int limit);

    /**
     * Moves the cursor from {@code from} to {@code to} and clears the failure record.
     *
     * @return false when the cursor was not at {@code from} (another delivery moved it meanwhile); it is left alone
     */
    boolean advance(String sink, long from, long to, Instant at);

    /** Records a failed attempt; returns the cursor as it is now. */
    SinkCursor failed(String sink, String error, Instant at);

    /** Records that the outage has been reported, so that it is reported once. */
    void warned(String sink);

    /**
     * An event waiting for delivery.
     *
     * @param event the stored event
     * @param requesterSid objectSid of the request's requester, when the event belongs to a request
     * @param requesterDn the requester's DN as recorded with the request, when the event belongs to a request
     * @param lastKnownGroupDn the DN the group had when JIT Groups last found it in AD, or null
     */
    record PendingEvent(AuditEvent event, String requesterSid, String requesterDn, String lastKnownGroupDn) {
    }
}
