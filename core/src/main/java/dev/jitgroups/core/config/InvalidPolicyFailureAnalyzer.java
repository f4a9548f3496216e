package dev.jitgroups.core.config;

import dev.jitgroups.core.policy.InvalidPolicyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failure report for bad {@code jit.*} configuration: the problems, without a stack trace. */
class InvalidPolicyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPolicyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPolicyException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the keys listed above in application.yml (or the "
                + "environment) and start again. README.md, section Configuration, lists every key.", cause);
    }
}
