package dev.jitgroups.bot.wording;

import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;

/**
 * A group's rules in one line, the same in {@code groups}, the request form, the cards and the start-up banner:
 * {@code up to 4h, 2 approvals, a ticket like INC123456}. Plain text: callers escape it for where it goes.
 */
public final class PolicySummary {

    private PolicySummary() {
    }

    public static String of(GroupPolicy p) {
        StringBuilder sb = new StringBuilder("up to ").append(DurationText.format(p.maxDuration())).append(", ");
        if (p.breakGlass()) {
            sb.append("break-glass, no approval");
        } else if (p.requiredApprovals() == 0) {
            sb.append("no approval");
        } else {
            sb.append(p.requiredApprovals()).append(p.requiredApprovals() == 1 ? " approval" : " approvals");
        }
        if (p.ticket().required()) {
            sb.append(", ").append(p.ticket().example().map(e -> "a ticket like " + e).orElse("a ticket id"));
        }
        return sb.toString();
    }
}
