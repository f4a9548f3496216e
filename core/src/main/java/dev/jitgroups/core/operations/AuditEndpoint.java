package dev.jitgroups.core.operations;

import dev.jitgroups.core.audit.AuditChain;
import dev.jitgroups.core.audit.AuditLog;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/audit}: verifies the hash chain; {@code /actuator/audit/export} returns every event as JSON
 * lines. Not exposed by default: add it to {@code management.endpoints.web.exposure.include} and keep the
 * management port on a private address (README, Operations).
 */
@Endpoint(id = "audit")
public class AuditEndpoint {

    private final AuditLog audit;

    public AuditEndpoint(AuditLog audit) {
        this.audit = audit;
    }

    @ReadOperation
    public Map<String, Object> verify() {
        AuditChain.Verification v = audit.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", v.intact());
        out.put("eventsChecked", v.eventsChecked());
        v.firstBrokenSeq().ifPresent(seq -> out.put("firstBrokenEvent", seq));
        v.problem().ifPresent(p -> out.put("problem", p));
        return out;
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
