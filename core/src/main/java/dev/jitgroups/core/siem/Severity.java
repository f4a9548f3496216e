package dev.jitgroups.core.siem;

import dev.jitgroups.core.audit.AuditEntry;
import java.util.Set;

/**
 * How much an event matters to a SOC, in each format's own scale. Break-glass use and drift (a member no grant
 * covers) stand out; refusals and failures come next; the ordinary workflow is informational.
 */
enum Severity {

    INFORMATIONAL(1, "Informational", 3, 6),
    MEDIUM(3, "Medium", 5, 5),
    HIGH(4, "High", 8, 4);

    private static final Set<String> HIGH_ACTIONS = Set.of("request.break-glass", "drift.detected");
    private static final Set<String> MEDIUM_OUTCOMES = Set.of("refused", "failed");

    final int ocsfId;
    final String ocsfName;
    final int cef;
    /** RFC 5424 severity: 6 informational, 5 notice, 4 warning. */
    final int syslog;

    Severity(int ocsfId, String ocsfName, int cef, int syslog) {
        this.ocsfId = ocsfId;
        this.ocsfName = ocsfName;
        this.cef = cef;
        this.syslog = syslog;
    }

    static Severity of(AuditEntry e) {
        if (HIGH_ACTIONS.contains(e.action())) {
            return HIGH;
        }
        if (MEDIUM_OUTCOMES.contains(e.outcome()) || e.action().endsWith("-failed")) {
            return MEDIUM;
        }
        return INFORMATIONAL;
    }
}
