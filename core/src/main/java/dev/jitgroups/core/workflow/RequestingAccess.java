package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.RequestRules;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.request.Requester;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Submitting a request: eligibility, policy rules, then pending approval or straight to applying. */
@Service
public class RequestingAccess {

    private static final int LONGEST_GROUP_NAME = 64;

    private final PolicyCatalog catalog;
    private final Principals principals;
    private final AccessRequestStore store;
    private final Transitions transitions;
    private final CoreSettings settings;
    private final Clock clock;

    public RequestingAccess(PolicyCatalog catalog, Principals principals, AccessRequestStore store,
            Transitions transitions, CoreSettings settings, Clock clock) {
        this.catalog = catalog;
        this.principals = principals;
        this.store = store;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The groups this account may request. */
    public List<GroupPolicy> eligibleGroups(Account who) {
        if (!who.enabled()) {
            return List.of();
        }
        return catalog.all().stream()
                .filter(p -> principals.covers(p.eligible(), who, Optional.of(Requester.of(who)))).toList();
    }

    public Outcome submit(SubmitCommand cmd) {
        Account who = cmd.requester();
        if (!who.enabled()) {
            return Outcome.refused("Your directory account is disabled, so you cannot request access. "
                    + "Ask your AD administrator.");
        }
        Optional<Outcome> tooMany = rateLimit(who);
        if (tooMany.isPresent()) {
            return tooMany.get();
        }
        Optional<GroupPolicy> found = catalog.find(cmd.group());
        List<GroupPolicy> eligible = eligibleGroups(who);
        if (found.isEmpty()) {
            String name = cmd.group().length() > LONGEST_GROUP_NAME ? "" : " called '" + cmd.group() + "'";
            return Outcome.refused("There is no managed group" + name + ". " + youMayRequest(eligible));
        }
        GroupPolicy policy = found.get();
        if (eligible.stream().noneMatch(p -> p.name().equals(policy.name()))) {
            return Outcome.refused("You are not eligible for " + policy.displayName() + ". " + youMayRequest(eligible));
        }
        Duration duration = cmd.duration() == null ? policy.defaultDuration() : cmd.duration();
        List<String> problems = RequestRules.check(policy, duration, cmd.justification(), cmd.ticket());
        if (!problems.isEmpty()) {
            return Outcome.refused(String.join(" ", problems));
        }
        List<AccessRequest> open = store.findByRequester(who.id(), EnumSet.of(RequestStatus.PENDING_APPROVAL,
                RequestStatus.APPROVED));
        Optional<AccessRequest> same = open.stream().filter(r -> r.groupName().equals(policy.name())).findFirst();
        if (same.isPresent()) {
            return Outcome.refused("You already have a request for " + policy.displayName() + " that is "
                    + same.get().status().label() + " (" + same.get().id().shortForm() + "); wait for it or cancel it.");
        }
        Instant now = clock.instant();
        boolean needsApproval = !policy.activatesWithoutApproval();
        AccessRequest request = AccessRequest.submit(RequestId.random(), policy.name(), who, duration,
                cmd.justification(), cmd.ticket(), policy.breakGlass(), needsApproval, now);
        String detail = "for " + DurationText.format(duration) + (request.justification().map(j -> "; because " + j).orElse(""))
                + request.ticket().map(t -> "; ticket " + t).orElse("") + (policy.breakGlass() ? "; BREAK-GLASS" : "");
        Transitions.Change change = new Transitions.Change(request, who.userPrincipalName(),
                policy.breakGlass() ? "request.break-glass" : "request.submitted", detail);
        if (needsApproval) {
            change.notice(NoticeKind.SUBMITTED).job(JobKind.APPROVAL_TIMEOUT, now.plus(policy.approvalTimeout()));
            policy.reminderAfter().ifPresent(after -> change.job(JobKind.APPROVAL_REMINDER, now.plus(after)));
        } else {
            change.notice(NoticeKind.APPROVED).job(JobKind.APPLY, now);
        }
        return new Outcome.Done(transitions.insert(change));
    }

    /**
     * A person may submit only so many requests in a period (approvers would otherwise be flooded, and tap
     * Approve out of fatigue). Counted from the stored requests, so it holds across instances and restarts.
     */
    private Optional<Outcome> rateLimit(Account who) {
        CoreSettings.RequestLimit limit = settings.requestLimit();
        Instant now = clock.instant();
        if (store.countSubmittedSince(who.id(), now.minus(limit.per())) < limit.max()) {
            return Optional.empty();
        }
        return Optional.of(Outcome.refused("You have submitted " + limit.max() + " requests in the last "
                + DurationText.format(limit.per()) + ", the most allowed, so that approvers are not flooded. "
                + "Try again later, or ask an approver directly if it is urgent."));
    }

    private static String youMayRequest(List<GroupPolicy> eligible) {
        if (eligible.isEmpty()) {
            return "You are not eligible for any managed group; ask your AD administrator.";
        }
        return "You may request: " + eligible.stream().map(p -> p.name() + " (" + p.displayName() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }
}
