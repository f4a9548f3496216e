/** The append-only, hash-chained audit log: events, chain verification, export. */
package dev.jitgroups.core.audit;
