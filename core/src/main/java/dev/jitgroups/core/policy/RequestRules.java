package dev.jitgroups.core.policy;

import dev.jitgroups.core.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules a new request must pass, each a named pure function returning a refusal, like the approval rules.
 * The gates come first and the first that refuses wins; then every problem with the details (duration, reason,
 * ticket) is reported at once, so a person fixes them in one go; last, one open request per group.
 */
public final class RequestRules {

    /** Longest justification accepted (the audit log and cards show it whole). */
    public static final int MAX_JUSTIFICATION = 1000;
    /** Longest ticket id accepted; real ticket ids are short. */
    public static final int MAX_TICKET = 100;
    /** Longest group key repeated back in a refusal. */
    static final int LONGEST_GROUP_KEY = 64;

    private static final List<Function<Submission, Optional<Refusal>>> GATES = List.of(
            RequestRules::accountIsEnabled,
            RequestRules::withinRequestLimit,
            RequestRules::groupIsManaged,
            RequestRules::requesterIsEligible);
    private static final List<Function<Submission, Optional<Refusal>>> DETAILS = List.of(
            RequestRules::durationIsPositive,
            RequestRules::durationWithinMaximum,
            RequestRules::justificationGiven,
            RequestRules::justificationNotTooLong,
            RequestRules::ticketNotTooLong,
            RequestRules::ticketHasTheRightShape);
    private static final List<Function<Submission, Optional<Refusal>>> LAST = List.of(
            RequestRules::oneOpenRequestPerGroup);

    private RequestRules() {
    }

    /** Why the request may not be submitted; empty when it may. */
    public static Optional<Refusal> check(Submission s) {
        Optional<Refusal> gate = first(GATES, s);
        if (gate.isPresent()) {
            return gate;
        }
        List<Refusal> details = new ArrayList<>();
        DETAILS.forEach(rule -> rule.apply(s).ifPresent(details::add));
        if (!details.isEmpty()) {
            return Optional.of(details.size() == 1 ? details.get(0) : new Refusal.Several(details));
        }
        return first(LAST, s);
    }

    /** A group as people see it. */
    public static Refusal.Group group(GroupPolicy p) {
        return new Refusal.Group(p.name(), p.displayName());
    }

    static Optional<Refusal> accountIsEnabled(Submission s) {
        return s.requester().enabled() ? Optional.empty() : Optional.of(new Refusal.AccountDisabled());
    }

    static Optional<Refusal> withinRequestLimit(Submission s) {
        return s.submittedInPeriod() < s.limit() ? Optional.empty()
                : Optional.of(new Refusal.TooManyRequests(s.limit(), s.period()));
    }

    static Optional<Refusal> groupIsManaged(Submission s) {
        if (s.policy().isPresent()) {
            return Optional.empty();
        }
        String asked = s.asked() == null || s.asked().length() > LONGEST_GROUP_KEY ? null : s.asked();
        return Optional.of(new Refusal.UnknownGroup(asked, labels(s.eligible())));
    }

    static Optional<Refusal> requesterIsEligible(Submission s) {
        GroupPolicy p = s.policy().orElseThrow();
        return s.eligible().stream().anyMatch(e -> e.name().equals(p.name())) ? Optional.empty()
                : Optional.of(new Refusal.NotEligible(group(p), labels(s.eligible())));
    }

    static Optional<Refusal> durationIsPositive(Submission s) {
        return s.duration().isNegative() || s.duration().isZero() ? Optional.of(new Refusal.DurationNotPositive())
                : Optional.empty();
    }

    static Optional<Refusal> durationWithinMaximum(Submission s) {
        GroupPolicy p = s.policy().orElseThrow();
        return s.duration().compareTo(p.maxDuration()) > 0
                ? Optional.of(new Refusal.DurationTooLong(group(p), p.maxDuration(), s.duration())) : Optional.empty();
    }

    static Optional<Refusal> justificationGiven(Submission s) {
        GroupPolicy p = s.policy().orElseThrow();
        boolean blank = s.justification() == null || s.justification().isBlank();
        return p.justificationRequired() && blank
                ? Optional.of(new Refusal.JustificationMissing(group(p), p.breakGlass())) : Optional.empty();
    }

    static Optional<Refusal> justificationNotTooLong(Submission s) {
        return s.justification() != null && s.justification().length() > MAX_JUSTIFICATION
                ? Optional.of(new Refusal.JustificationTooLong(MAX_JUSTIFICATION)) : Optional.empty();
    }

    static Optional<Refusal> ticketNotTooLong(Submission s) {
        return s.ticket() != null && s.ticket().strip().length() > MAX_TICKET
                ? Optional.of(new Refusal.TicketTooLong(MAX_TICKET)) : Optional.empty();
    }

    static Optional<Refusal> ticketHasTheRightShape(Submission s) {
        GroupPolicy p = s.policy().orElseThrow();
        String ticket = s.ticket();
        if ((ticket != null && ticket.strip().length() > MAX_TICKET) || p.ticket().accepts(ticket)) {
            return Optional.empty();
        }
        String example = p.ticket().example().orElse(null);
        return Optional.of(ticket == null || ticket.isBlank() ? new Refusal.TicketMissing(group(p), example)
                : new Refusal.TicketInvalid(ticket.strip(), example));
    }

    static Optional<Refusal> oneOpenRequestPerGroup(Submission s) {
        GroupPolicy p = s.policy().orElseThrow();
        return s.open().stream().filter(r -> r.groupName().equals(p.name())).findFirst()
                .map(r -> new Refusal.AlreadyOpen(group(p), r.status(), r.id().shortForm()));
    }

    private static Optional<Refusal> first(List<Function<Submission, Optional<Refusal>>> rules, Submission s) {
        return rules.stream().map(rule -> rule.apply(s)).flatMap(Optional::stream).findFirst();
    }

    private static List<Refusal.Group> labels(List<GroupPolicy> policies) {
        return policies.stream().map(RequestRules::group).toList();
    }
}
