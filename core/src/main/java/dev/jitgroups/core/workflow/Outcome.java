package dev.jitgroups.core.workflow;

import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;

/** What a person's action led to: done (with the request as it is now), or refused and why (as data). */
public sealed interface Outcome {

    record Done(AccessRequest request) implements Outcome {
    }

    record Refused(Refusal refusal) implements Outcome {

        /** The refusal in plain words (as audited). */
        public String reason() {
            return refusal.audit();
        }
    }

    static Outcome refused(Refusal refusal) {
        return new Refused(refusal);
    }

    default boolean isDone() {
        return this instanceof Done;
    }
}
