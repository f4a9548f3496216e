package dev.jitgroups.core.workflow;

import dev.jitgroups.core.request.AccessRequest;

/** What a person's action led to: done (with the request as it is now), or refused with a reason to show. */
public sealed interface Outcome {

    record Done(AccessRequest request) implements Outcome {
    }

    record Refused(String reason) implements Outcome {
    }

    static Outcome refused(String reason) {
        return new Refused(reason);
    }

    default boolean isDone() {
        return this instanceof Done;
    }
}
