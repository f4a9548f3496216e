package dev.jitgroups.core.policy;

import java.util.List;

/** Configuration of managed groups is invalid; the message lists each offending key and what is accepted. */
public class InvalidPolicyException extends IllegalStateException {

    private final List<String> problems;

    public InvalidPolicyException(List<String> problems) {
        this("Invalid managed-group configuration", problems);
    }

    /** For other parts of {@code jit.*}: the heading says which ({@code Invalid SIEM configuration (jit.siem)}). */
    public InvalidPolicyException(String heading, List<String> problems) {
        super(heading + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
