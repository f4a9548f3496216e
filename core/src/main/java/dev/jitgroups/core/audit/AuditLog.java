package dev.jitgroups.core.audit;

import java.io.IOException;
import java.io.Writer;

/** Append-only audit log. {@link #append} joins the caller's transaction: an event exists iff its change does. */
public interface AuditLog {

    AuditEvent append(AuditEntry entry);

    AuditChain.Verification verify();

    /** True when an event with this request id, action and outcome was written. */
    boolean contains(String requestId, String action, String outcome);

    /** Writes every event, oldest first, as one JSON object per line. */
    void exportJsonLines(Writer out) throws IOException;
}
