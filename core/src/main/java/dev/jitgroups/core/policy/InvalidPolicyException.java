package dev.jitgroups.core.policy;

import java.util.List;

/** Configuration of managed groups is invalid; the message lists each offending key and what is accepted. */
public class InvalidPolicyException extends IllegalStateException {

    private final List<String> problems;

    public InvalidPolicyException(List<String> problems) {
        super("Invalid managed-group configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
