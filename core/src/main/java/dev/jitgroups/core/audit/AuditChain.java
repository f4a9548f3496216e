package dev.jitgroups.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain over audit events: each event's hash covers its own fields and the previous event's hash,
 * so changing or deleting any stored event breaks the chain from that point on. The head (last sequence
 * number and hash) is stored apart from the events, so deleting the newest events is detected too.
 */
public final class AuditChain {

    /** Hash before the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long seq, AuditEntry e, String previousHash) {
        // length-prefixed fields: no two different events serialise to the same text
        StringBuilder sb = new StringBuilder();
        field(sb, Long.toString(seq));
        field(sb, e.at().toString());
        field(sb, e.actor());
        field(sb, e.action());
        field(sb, e.requestId());
        field(sb, e.group());
        field(sb, e.subject());
        field(sb, e.outcome());
        field(sb, e.detail());
        field(sb, previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e1);
        }
    }

    private static void field(StringBuilder sb, String value) {
        String v = value == null ? "" : value;
        sb.append(v.length()).append(':').append(v).append(value == null ? '~' : '|');
    }

    /**
     * Verifies events in sequence order against the stored head.
     *
     * @param headSeq sequence number the head says is the last one (0 for an empty log)
     * @param headHash hash the head says the last event has
     */
    public static Verification verify(List<AuditEvent> events, long headSeq, String headHash) {
        String previous = GENESIS;
        long expectedSeq = 1;
        for (AuditEvent ev : events) {
            if (ev.seq() != expectedSeq) {
                return Verification.broken(expectedSeq, "event " + expectedSeq + " is missing (next stored event is "
                        + ev.seq() + ")");
            }
            if (!ev.previousHash().equals(previous)) {
                return Verification.broken(ev.seq(), "event " + ev.seq() + " does not follow the previous event");
            }
            String recomputed = hash(ev.seq(), ev.entry(), previous);
            if (!recomputed.equals(ev.hash())) {
                return Verification.broken(ev.seq(), "event " + ev.seq() + " was changed after it was written");
            }
            previous = ev.hash();
            expectedSeq++;
        }
        long last = expectedSeq - 1;
        if (last != headSeq) {
            return Verification.broken(last + 1, "the log ends at event " + last + " but " + headSeq
                    + " events were written: the newest events were deleted");
        }
        if (!previous.equals(headHash)) {
            return Verification.broken(last, "the last event does not match the recorded head of the chain");
        }
        return new Verification(true, events.size(), Optional.empty(), Optional.empty());
    }

    /** Result of a verification: intact, or where it first breaks and how. */
    public record Verification(boolean intact, long eventsChecked, Optional<Long> firstBrokenSeq,
            Optional<String> problem) {

        static Verification broken(long seq, String problem) {
            return new Verification(false, 0, Optional.of(seq), Optional.of(problem));
        }
    }
}
