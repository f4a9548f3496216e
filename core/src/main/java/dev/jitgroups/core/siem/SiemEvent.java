package dev.jitgroups.core.siem;

import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditEvent;

/**
 * An audit event as a SIEM receives it: the stored, hash-chained event plus what the SOC needs to join it with the
 * domain controllers' own events, resolved when it is sent (none of these three is covered by the chain hash).
 *
 * @param audit the event as stored, with its sequence number and chain hashes
 * @param groupDn the managed group's distinguished name, or null when the event concerns no group
 * @param memberSid objectSid of the account whose membership the event is about, or null when unknown
 * @param memberDn that account's distinguished name (at request time; for drift, as found in the group), or null
 */
public record SiemEvent(AuditEvent audit, String groupDn, String memberSid, String memberDn) {

    public long seq() {
        return audit.seq();
    }

    public AuditEntry entry() {
        return audit.entry();
    }
}
