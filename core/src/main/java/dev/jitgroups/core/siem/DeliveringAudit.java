package dev.jitgroups.core.siem;

import dev.jitgroups.core.policy.PolicyCatalog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the audit log to each configured sink, in sequence order, at least once: a batch is sent, and only when
 * the sink acknowledged it does the sink's cursor move past it. A sink that fails keeps its cursor (nothing is lost)
 * and is retried on its own; other sinks carry on. Its job (one per sink, run by one instance at a time) calls
 * {@link #deliver} repeatedly.
 */
public final class DeliveringAudit {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveringAudit.class);
    /** Batches per round, so that one round of a long backlog does not hold a scheduler thread for long. */
    private static final int BATCHES_PER_ROUND = 10;

    private final SiemSettings settings;
    private final Map<String, Sink> sinks;
    private final SiemOutbox outbox;
    private final SiemEvents events;
    private final Clock clock;

    public DeliveringAudit(SiemSettings settings, Map<String, Sink> sinks, SiemOutbox outbox, PolicyCatalog catalog,
            Clock clock) {
        this.settings = settings;
        this.sinks = Map.copyOf(sinks);
        this.outbox = outbox;
        this.events = new SiemEvents(catalog);
        this.clock = clock;
    }

    public SiemSettings settings() {
        return settings;
    }

    /** Gives each configured sink a cursor (its {@code start-from} applies the first time only); returns their names. */
    public List<String> open() {
        settings.sinks().forEach(s -> outbox.open(s.name(), s.startFrom(), clock.instant()));
        return settings.sinks().stream().map(SinkSettings::name).toList();
    }

    /** Sends the next batches of events to the named sink. */
    public Round deliver(String sinkName) {
        SinkSettings sink = settings.sink(sinkName).orElse(null);
        if (sink == null) {
            LOG.info("SIEM sink {} is no longer configured; its delivery job ends (its cursor is kept)", sinkName);
            return Round.of(Round.Kind.UNKNOWN_SINK);
        }
        outbox.open(sink.name(), sink.startFrom(), clock.instant());
        Round round = Round.of(Round.Kind.MORE);
        for (int i = 0; i < BATCHES_PER_ROUND && round.kind() == Round.Kind.MORE; i++) {
            round = deliverBatch(sink);
        }
        return round;
    }

    private Round deliverBatch(SinkSettings sink) {
        SinkCursor cursor = outbox.cursor(sink.name()).orElseThrow();
        List<SiemOutbox.PendingEvent> pending = outbox.after(cursor.deliveredSeq(), sink.batchSize());
        if (pending.isEmpty()) {
            return Round.of(Round.Kind.CAUGHT_UP);
        }
        List<SiemEvent> batch = pending.stream().map(events::enrich).toList();
        warnAboutGaps(sink, cursor.deliveredSeq(), batch);
        try {
            sinks.get(sink.name()).deliver(batch);
        } catch (IOException | RuntimeException e) {
            return failed(sink, e);
        }
        long last = batch.get(batch.size() - 1).seq();
        if (!outbox.advance(sink.name(), cursor.deliveredSeq(), last, clock.instant())) {
            LOG.warn("SIEM sink {}: its cursor moved during a delivery; another instance delivered too", sink.name());
        }
        if (cursor.consecutiveFailures() > 0) {
            LOG.info("SIEM sink {} ({}) takes events again after {} failed attempt(s)", sink.name(), sink.target(),
                    cursor.consecutiveFailures());
        }
        return Round.of(batch.size() == sink.batchSize() ? Round.Kind.MORE : Round.Kind.CAUGHT_UP);
    }

    private Round failed(SinkSettings sink, Exception e) {
        Instant now = clock.instant();
        SinkCursor c = outbox.failed(sink.name(), describe(e), now);
        if (c.consecutiveFailures() == 1) {
            LOG.info("SIEM sink {} ({}) does not take events now: {}; retrying with back-off, nothing is lost",
                    sink.name(), sink.target(), c.lastError());
        } else {
            LOG.debug("SIEM sink {} failed again ({} attempts): {}", sink.name(), c.consecutiveFailures(), c.lastError());
        }
        if (!c.warned() && c.failingSince() != null
                && Duration.between(c.failingSince(), now).compareTo(settings.warnAfter()) >= 0) {
            LOG.warn("SIEM sink {} ({}) has not taken events since {} ({} attempts; {} event(s) wait): {}", sink.name(),
                    sink.target(), c.failingSince(), c.consecutiveFailures(),
                    outbox.newestSeq() - c.deliveredSeq(), c.lastError());
            outbox.warned(sink.name());
        }
        return new Round(Round.Kind.FAILED, c.consecutiveFailures());
    }

    /** Sequence numbers never skip unless events were deleted from the log; say so, and deliver what is there. */
    private static void warnAboutGaps(SinkSettings sink, long delivered, List<SiemEvent> batch) {
        long expected = delivered + 1;
        for (SiemEvent ev : batch) {
            if (ev.seq() != expected) {
                LOG.warn("SIEM sink {}: audit events {} to {} are missing from the log (deleted?); GET /actuator/audit "
                        + "verifies the chain", sink.name(), expected, ev.seq() - 1);
            }
            expected = ev.seq() + 1;
        }
    }

    /** The exception's kind and message: no secret ever reaches one (the HMAC key is only fed to the MAC). */
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String text = e.getClass().getSimpleName() + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** Every configured sink with its lag. */
    public List<SinkStatus> status() {
        long newest = outbox.newestSeq();
        return settings.sinks().stream().map(s -> {
            SinkCursor c = outbox.cursor(s.name()).orElse(new SinkCursor(s.name(), 0, null, null, 0, null, false));
            return new SinkStatus(s.name(), s.type().key(), c.deliveredSeq(), Math.max(0, newest - c.deliveredSeq()),
                    c.deliveredAt(), c.failingSince(), c.consecutiveFailures(), c.lastError());
        }).toList();
    }
}
