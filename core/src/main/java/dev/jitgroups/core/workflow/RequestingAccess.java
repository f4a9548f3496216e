package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.RequestRules;
import dev.jitgroups.core.policy.Submission;
import dev.jitgroups.core.refusal.Refusal;
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
import org.springframework.stereotype.Service;

/** Submitting a request: eligibility, policy rules, then pending approval or straight to applying. */
@Service
public class RequestingAccess {

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
        return catalog.all().stream().filter(p -> isEligible(who, p)).toList();
    }

    public Outcome submit(SubmitCommand cmd) {
        Account who = cmd.requester();
        Optional<GroupPolicy> policy = catalog.find(cmd.group());
        // eligibility for the group asked for only: the full list costs a look-up per managed group, and is needed
        // only to tell someone who may not request this group what they may request instead
        List<GroupPolicy> eligible = policy.filter(p -> who.enabled() && isEligible(who, p)).map(List::of)
                .orElse(List.of());
        Submission submission = submission(cmd, policy, eligible);
        Optional<Refusal> refusal = RequestRules.check(submission);
        if (refusal.isPresent() && (refusal.get() instanceof Refusal.UnknownGroup
                || refusal.get() instanceof Refusal.NotEligible)) {
            refusal = RequestRules.check(submission(cmd, policy, eligibleGroups(who)));
        }
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        return new Outcome.Done(transitions.insert(change(submission, policy.get())));
    }

    private boolean isEligible(Account who, GroupPolicy p) {
        return principals.covers(p.eligible(), who, Optional.of(Requester.of(who)));
    }

    private Submission submission(SubmitCommand cmd, Optional<GroupPolicy> policy, List<GroupPolicy> eligible) {
        Account who = cmd.requester();
        CoreSettings.RequestLimit limit = settings.requestLimit();
        return new Submission(who, cmd.group(), policy, eligible, policy.map(p -> cmd.duration() == null
                ? p.defaultDuration() : cmd.duration()).orElse(null), cmd.justification(), cmd.ticket(),
                store.findByRequester(who.id(), EnumSet.of(RequestStatus.PENDING_APPROVAL, RequestStatus.APPROVED)),
                store.countSubmittedSince(who.id(), clock.instant().minus(limit.per())), limit.max(), limit.per());
    }

    private Transitions.Change change(Submission s, GroupPolicy policy) {
        Account who = s.requester();
        Duration duration = s.duration();
        Instant now = clock.instant();
        boolean needsApproval = !policy.activatesWithoutApproval();
        AccessRequest request = AccessRequest.submit(RequestId.random(), policy.name(), who, duration,
                s.justification(), s.ticket(), policy.breakGlass(), needsApproval, now);
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
        return change;
    }
}
