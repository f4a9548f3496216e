package dev.jitgroups.core.operations;

import dev.jitgroups.core.audit.AuditChain;
import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.siem.DeliveringAudit;
import dev.jitgroups.core.siem.SinkStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/audit}: verifies the hash chain and shows each SIEM sink's lag; {@code /actuator/audit/export}
 * returns every event as JSON lines. Not exposed by default: add it to {@code management.endpoints.web.exposure.include} and keep the
 * management port on a private address (README, Operations).
 */
@Endpoint(id = "audit")
public class AuditEndpoint {

    private final AuditLog audit;
    private final DeliveringAudit siem;

    public AuditEndpoint(AuditLog audit, DeliveringAudit siem) {
        this.audit = audit;
        this.siem = siem;
    }

    @ReadOperation
    public Map<String, Object> verify() {
        AuditChain.Verification v = audit.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", v.intact());
        out.put("eventsChecked", v.eventsChecked());
        v.firstBrokenSeq().ifPresent(seq -> out.put("firstBrokenEvent", seq));
        v.problem().ifPresent(p -> out.put("problem", p));
        List<SinkStatus> sinks = siem.status();
        if (!sinks.isEmpty()) {
            out.put("siem", sinks(sinks));
        }
        return out;
    }

    /** Per SIEM sink: how far it got and how many events it still has to take ({@code lag}). */
    private static Map<String, Object> sinks(List<SinkStatus> sinks) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SinkStatus s : sinks) {
            Map<String, Object> sink = new LinkedHashMap<>();
            sink.put("type", s.type());
            sink.put("deliveredEvent", s.deliveredSeq());
            sink.put("lag", s.lag());
            putIfPresent(sink, "deliveredAt", s.deliveredAt());
            putIfPresent(sink, "failingSince", s.failingSince());
            if (s.consecutiveFailures() > 0) {
                sink.put("failedAttempts", s.consecutiveFailures());
            }
            putIfPresent(sink, "lastError", s.lastError());
            out.put(s.name(), sink);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }

    @ReadOperation(produces = "application/x-ndjson")
    public String export(@Selector String format) throws IOException {
        if (!"export".equals(format)) {
            throw new IllegalArgumentException("unknown audit operation '" + format + "'; use /actuator/audit/export");
        }
        StringWriter out = new StringWriter();
        audit.exportJsonLines(out);
        return out.toString();
    }
}
