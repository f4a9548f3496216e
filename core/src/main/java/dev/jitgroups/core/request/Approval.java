package dev.jitgroups.core.request;

import java.time.Instant;

/** One approver's approval of a request. */
public record Approval(String approverId, String approverName, Instant at, String comment) {
}
