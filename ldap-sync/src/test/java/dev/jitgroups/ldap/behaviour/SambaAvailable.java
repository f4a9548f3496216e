package dev.jitgroups.ldap.behaviour;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the annotated tests only when a Samba AD DC is configured (SAMBA_DC_LDAP_URL), and otherwise reports them
 * skipped with the reason; with JIT_SAMBA_REQUIRED=true they run regardless, so that a missing DC fails them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SambaAvailable.Condition.class)
public @interface SambaAvailable {

    /** The condition behind the annotation. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (SambaEnvironment.configured() || SambaEnvironment.required()) {
                return ConditionEvaluationResult.enabled("Samba AD DC configured or required");
            }
            return ConditionEvaluationResult.disabled(SambaEnvironment.UNAVAILABLE);
        }
    }
}
