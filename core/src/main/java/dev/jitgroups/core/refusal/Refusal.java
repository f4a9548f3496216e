package dev.jitgroups.core.refusal;

import dev.jitgroups.core.request.RequestStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why an action was refused, as a case and its values. Core decides; the chat renders the sentence a person reads
 * (and what to do next). {@link #audit()} is the plain English kept in the audit log, without any markup.
 */
public sealed interface Refusal {

    /** Plain words for the audit log and the server log: no markup, no advice. */
    String audit();

    /** A managed group as people see it: its key in chat and its display name. */
    record Group(String key, String displayName) {
    }

    /** Several problems with one request, all reported at once. */
    record Several(List<Refusal> each) implements Refusal {
        public Several {
            each = List.copyOf(each);
        }

        @Override
        public String audit() {
            return String.join(" ", each.stream().map(Refusal::audit).toList());
        }
    }

    /** The requester's directory account is disabled. */
    record AccountDisabled() implements Refusal {
        @Override
        public String audit() {
            return "the requester's directory account is disabled";
        }
    }

    /**
     * No managed group has that key.
     *
     * @param asked what was typed, or null when it was too long to repeat
     */
    record UnknownGroup(String asked, List<Group> mayRequest) implements Refusal {
        public UnknownGroup {
            mayRequest = List.copyOf(mayRequest);
        }

        @Override
        public String audit() {
            return "no managed group " + (asked == null ? "by that name" : "called '" + asked + "'");
        }
    }

    /** The requester is not in the group's eligible principals. */
    record NotEligible(Group group, List<Group> mayRequest) implements Refusal {
        public NotEligible {
            mayRequest = List.copyOf(mayRequest);
        }

        @Override
        public String audit() {
            return "not eligible for " + group.key();
        }
    }

    /** A duration of zero or less. */
    record DurationNotPositive() implements Refusal {
        @Override
        public String audit() {
            return "the duration must be longer than zero";
        }
    }

    /** More than the group's max-duration. */
    record DurationTooLong(Group group, Duration max, Duration asked) implements Refusal {
        @Override
        public String audit() {
            return "asked for " + asked + ", the most for " + group.key() + " is " + max;
        }
    }

    /** The group needs a reason (always so for break-glass). */
    record JustificationMissing(Group group, boolean breakGlass) implements Refusal {
        @Override
        public String audit() {
            return "no justification given";
        }
    }

    /** A reason longer than accepted. */
    record JustificationTooLong(int max) implements Refusal {
        @Override
        public String audit() {
            return "the justification is longer than " + max + " characters";
        }
    }

    /**
     * The group needs a ticket id.
     *
     * @param example a ticket id of the right shape, or null when none can be shown
     */
    record TicketMissing(Group group, String example) implements Refusal {
        @Override
        public String audit() {
            return "no ticket id given";
        }
    }

    /** The ticket id does not have the group's shape. */
    record TicketInvalid(String ticket, String example) implements Refusal {
        @Override
        public String audit() {
            return "the ticket id '" + ticket + "' does not have the required shape";
        }
    }

    /** A ticket id longer than accepted. */
    record TicketTooLong(int max) implements Refusal {
        @Override
        public String audit() {
            return "the ticket id is longer than " + max + " characters";
        }
    }

    /** A request for the same group is still open. */
    record AlreadyOpen(Group group, RequestStatus status, String requestShortId) implements Refusal {
        @Override
        public String audit() {
            return "request " + requestShortId + " for " + group.key() + " is still " + status.label();
        }
    }

    /** The per-person request limit is reached. */
    record TooManyRequests(int max, Duration per) implements Refusal {
        @Override
        public String audit() {
            return max + " requests in the last " + per + " already";
        }
    }

    /** A decision's comment longer than accepted. */
    record CommentTooLong(int max) implements Refusal {
        @Override
        public String audit() {
            return "the comment is longer than " + max + " characters";
        }
    }

    /** No such request (any more). */
    record RequestNotFound() implements Refusal {
        @Override
        public String audit() {
            return "no such request";
        }
    }

    /**
     * The request is no longer waiting for decisions.
     *
     * @param closedBy who closed it, when known
     */
    record NotPending(RequestStatus status, String closedBy) implements Refusal {
        @Override
        public String audit() {
            return "the request is already " + status.label() + (closedBy == null ? "" : " by " + closedBy);
        }
    }

    /** The requester tried to decide their own request. */
    record OwnRequest() implements Refusal {
        @Override
        public String audit() {
            return "the requester cannot decide their own request";
        }
    }

    /** The approver's directory account is disabled. */
    record ApproverDisabled() implements Refusal {
        @Override
        public String audit() {
            return "the approver's directory account is disabled";
        }
    }

    /** Not an approver of the group, checked against the directory at the tap. */
    record NotAnApprover(Group group) implements Refusal {
        @Override
        public String audit() {
            return "not an approver of " + group.key() + " (checked at the tap)";
        }
    }

    /**
     * The approver decided already; each approver decides once.
     *
     * @param triedToDeny the second decision was a deny after an approval
     */
    record AlreadyDecided(boolean triedToDeny) implements Refusal {
        @Override
        public String audit() {
            return triedToDeny ? "approved already; each approver decides once" : "approved already";
        }
    }

    /** This person's decision already waits for the directory. */
    record DecisionAlreadyWaiting() implements Refusal {
        @Override
        public String audit() {
            return "a decision of this approver already waits for the directory";
        }
    }

    /**
     * Only the requester may do this.
     *
     * @param action cancel, deactivate or extend
     */
    record NotTheRequester(String action) implements Refusal {
        public NotTheRequester {
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String audit() {
            return "only the requester can " + action;
        }
    }

    /** Only JIT admins may revoke someone's access. */
    record NotAnAdmin() implements Refusal {
        @Override
        public String audit() {
            return "only JIT admins can revoke someone's access";
        }
    }

    /**
     * The action does not apply to a request in this state.
     *
     * @param action cancel, deactivate, extend or revoke
     */
    record WrongState(String action, RequestStatus status) implements Refusal {
        @Override
        public String audit() {
            return "cannot " + action + " a request that is " + status.label();
        }
    }

    /** The group is no longer configured. */
    record GroupNoLongerManaged(String groupKey) implements Refusal {
        @Override
        public String audit() {
            return "the group " + groupKey + " is no longer managed";
        }
    }

    /**
     * An extension past the group's max-duration.
     *
     * @param left how much more the grant may still get (zero or less: nothing)
     */
    record ExtensionTooLong(Group group, Duration max, Duration left) implements Refusal {
        @Override
        public String audit() {
            return "an extension past " + max + " in all";
        }
    }
}
