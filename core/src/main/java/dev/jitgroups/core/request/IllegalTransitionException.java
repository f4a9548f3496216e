package dev.jitgroups.core.request;

/** A transition the lifecycle does not allow; the workflow checks first, so reaching this is a fault. */
public class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(RequestId id, RequestStatus from, RequestStatus to) {
        super("request " + id + " cannot move from " + from + " to " + to);
    }
}
