package dev.jitgroups.core.approval;

import dev.jitgroups.core.refusal.Refusal;

/**
 * Which rule refused a tap, and why.
 *
 * @param rule the rule's name, e.g. {@code requester-never-approves}
 */
public record Rejection(String rule, Refusal refusal) {
}
