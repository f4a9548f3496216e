package dev.jitgroups.core.siem;

import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds to a stored event the group DN and member objectSid that the audit row does not hold. They are resolved when
 * the event is sent rather than stored with it: the requester's objectSid is fixed for the life of a request, so it
 * is exact; the group DN comes from the policy and changes only when an operator follows a rename in AD, after
 * which the new DN names the same group the domain controllers now log. Resolving late leaves the audit write path
 * and the hash-chain format, which verification of every existing log depends on, exactly as they are.
 */
final class SiemEvents {

    /** Reconciliation writes the member's SID in parentheses into the detail of a drift event. */
    private static final Pattern SID_IN_DETAIL = Pattern.compile("\\((S-1-\\d+(?:-\\d+)+)\\)");
    private static final String DRIFT = "drift.detected";

    private final PolicyCatalog catalog;

    SiemEvents(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    SiemEvent enrich(SiemOutbox.PendingEvent p) {
        AuditEntry e = p.event().entry();
        String groupDn = catalog.find(e.group()).filter(g -> g.name().equalsIgnoreCase(e.group()))
                .map(GroupPolicy::dn).map(Object::toString).orElse(p.lastKnownGroupDn());
        if (DRIFT.equals(e.action())) {
            // drift concerns a member found in the group, not a request's requester: the subject is its DN
            return new SiemEvent(p.event(), groupDn, sidInDetail(e.detail()), e.subject());
        }
        return new SiemEvent(p.event(), groupDn, p.requesterSid(), p.requesterDn());
    }

    private static String sidInDetail(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = SID_IN_DETAIL.matcher(detail);
        return m.find() ? m.group(1) : null;
    }
}
