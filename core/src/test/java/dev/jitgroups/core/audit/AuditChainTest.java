package dev.jitgroups.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static List<AuditEvent> chain(int n) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry(Instant.parse("2026-11-29T10:00:00Z").plusSeconds(i), "carol", "request.approved",
                    "r" + i, "tier0", "alice", "ok", "detail " + i);
            String hash = AuditChain.hash(i, e, previous);
            events.add(new AuditEvent(i, e, previous, hash));
            previous = hash;
        }
        return events;
    }

    @Test
    void intact_chain_verifies() {
        List<AuditEvent> events = chain(5);
        assertThat(AuditChain.verify(events, 5, events.get(4).hash()).intact()).isTrue();
        assertThat(AuditChain.verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
    }

    @Test
    void null_and_empty_fields_hash_differently() {
        AuditEntry withNull = new AuditEntry(Instant.EPOCH, "a", "b", null, "g", "s", "ok", "d");
        AuditEntry withEmpty = new AuditEntry(Instant.EPOCH, "a", "b", "", "g", "s", "ok", "d");
        assertThat(AuditChain.hash(1, withNull, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, withEmpty,
                AuditChain.GENESIS));
    }

    @Test
    void newest_events_deleted_are_detected_through_the_head() {
        List<AuditEvent> events = chain(5);
        AuditChain.Verification v = AuditChain.verify(events.subList(0, 3), 5, events.get(4).hash());
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).get().asString().contains("newest events were deleted");
    }
}
