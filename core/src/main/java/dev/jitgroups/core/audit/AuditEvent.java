package dev.jitgroups.core.audit;

/**
 * An audit entry as stored: its place in the chain and the hashes linking it to the previous entry.
 */
public record AuditEvent(long seq, AuditEntry entry, String previousHash, String hash) {
}
