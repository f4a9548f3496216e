package dev.jitgroups.core.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Checks a new request against its group's policy; every problem comes back as a sentence. */
public final class RequestRules {

    /** Longest justification accepted (the audit log and cards show it whole). */
    public static final int MAX_JUSTIFICATION = 1000;
    /** Longest ticket id accepted; real ticket ids are short. */
    public static final int MAX_TICKET = 100;

    private RequestRules() {
    }

    /** Problems with the request's details (empty when it may be submitted). */
    public static List<String> check(GroupPolicy policy, Duration duration, String justification, String ticket) {
        List<String> problems = new ArrayList<>();
        if (duration.isNegative() || duration.isZero()) {
            problems.add("The duration must be longer than zero.");
        } else if (duration.compareTo(policy.maxDuration()) > 0) {
            problems.add(policy.displayName() + " can be requested for at most "
                    + DurationText.format(policy.maxDuration()) + "; you asked for " + DurationText.format(duration)
                    + ".");
        }
        if (policy.justificationRequired() && (justification == null || justification.isBlank())) {
            problems.add(policy.breakGlass() ? "Break-glass access always needs a reason: add one (because ...)."
                    : "A justification is required for " + policy.displayName() + ": say why (because ...).");
        }
        if (justification != null && justification.length() > MAX_JUSTIFICATION) {
            problems.add("The justification is too long (at most " + MAX_JUSTIFICATION + " characters).");
        }
        if (ticket != null && ticket.strip().length() > MAX_TICKET) {
            problems.add("The ticket id is too long (at most " + MAX_TICKET + " characters).");
        } else if (!policy.ticket().accepts(ticket)) {
            problems.add((ticket == null || ticket.isBlank() ? "A ticket is required: " : "The ticket '" + ticket.strip()
                    + "' is not valid: ") + "expected " + policy.ticket().expectation() + ".");
        }
        return problems;
    }
}
