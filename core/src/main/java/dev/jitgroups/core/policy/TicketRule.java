package dev.jitgroups.core.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/** Whether a ticket id is required and what it must look like. */
public record TicketRule(boolean required, Optional<Pattern> pattern) {

    public static final TicketRule NONE = new TicketRule(false, Optional.empty());

    /** True when the given ticket id (possibly blank) satisfies the rule. */
    public boolean accepts(String ticket) {
        boolean blank = ticket == null || ticket.isBlank();
        if (blank) {
            return !required;
        }
        return pattern.map(p -> p.matcher(ticket.strip()).matches()).orElse(true);
    }

    /** A ticket id of the required shape, to show people (never the pattern itself); empty without a pattern. */
    public Optional<String> example() {
        return pattern.flatMap(TicketExamples::of);
    }
}
