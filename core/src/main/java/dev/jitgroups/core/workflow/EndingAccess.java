package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.RequestRules;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Cancelling a pending request, deactivating or extending one's own grant, and revoking anyone's as an admin. */
@Service
public class EndingAccess {

    private final PolicyCatalog catalog;
    private final Principals principals;
    private final CoreSettings settings;
    private final Transitions transitions;
    private final Clock clock;

    public EndingAccess(PolicyCatalog catalog, Principals principals, CoreSettings settings, Transitions transitions,
            Clock clock) {
        this.catalog = catalog;
        this.principals = principals;
        this.settings = settings;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** The requester withdraws a request that is still pending approval. */
    public Outcome cancel(RequestId id, Account actor) {
        return transitions.run(id, r -> {
            if (!r.isRequestedBy(actor)) {
                return new Transitions.Refuse(actor.userPrincipalName(), "request.cancel",
                        new Refusal.NotTheRequester("cancel"));
            }
            if (r.status() != RequestStatus.PENDING_APPROVAL) {
                return new Transitions.Refuse(null, null, new Refusal.WrongState("cancel", r.status()));
            }
            return new Transitions.Change(r.cancel(clock.instant()), actor.userPrincipalName(), "request.cancelled", "")
                    .notice(NoticeKind.CANCELLED);
        });
    }

    /** The requester ends their own active grant early. */
    public Outcome deactivate(RequestId id, Account actor) {
        return transitions.run(id, r -> {
            if (!r.isRequestedBy(actor)) {
                return new Transitions.Refuse(actor.userPrincipalName(), "request.deactivate",
                        new Refusal.NotTheRequester("deactivate"));
            }
            if (r.status() != RequestStatus.ACTIVE) {
                return new Transitions.Refuse(null, null, new Refusal.WrongState("deactivate", r.status()));
            }
            Instant now = clock.instant();
            return new Transitions.Change(r.revoke(actor.displayName(), "deactivated by the requester", now),
                    actor.userPrincipalName(), "request.deactivated", "").job(JobKind.REMOVE, now)
                    .notice(NoticeKind.REVOKED);
        });
    }

    /** An admin ends someone's active grant. */
    public Outcome revoke(RequestId id, Account admin, String reason) {
        boolean isAdmin = admin.enabled() && principals.covers(settings.admins(), admin, Optional.empty());
        return transitions.run(id, r -> {
            if (!isAdmin) {
                return new Transitions.Refuse(admin.userPrincipalName(), "request.revoke", new Refusal.NotAnAdmin());
            }
            if (r.status() != RequestStatus.ACTIVE) {
                return new Transitions.Refuse(null, null, new Refusal.WrongState("revoke", r.status()));
            }
            Instant now = clock.instant();
            return new Transitions.Change(r.revoke(admin.displayName(), reason, now), admin.userPrincipalName(),
                    "request.revoked", reason == null ? "" : reason).job(JobKind.REMOVE, now)
                    .notice(NoticeKind.REVOKED);
        });
    }

    /** The requester extends their active grant, as long as the whole window stays within max-duration. */
    public Outcome extend(RequestId id, Account actor, Duration by) {
        return transitions.run(id, r -> {
            if (!r.isRequestedBy(actor)) {
                return new Transitions.Refuse(actor.userPrincipalName(), "request.extend",
                        new Refusal.NotTheRequester("extend"));
            }
            if (r.status() != RequestStatus.ACTIVE || r.endsAt().isEmpty() || r.activatedAt().isEmpty()) {
                return new Transitions.Refuse(null, null, new Refusal.WrongState("extend", r.status()));
            }
            Optional<GroupPolicy> policy = catalog.find(r.groupName());
            if (policy.isEmpty()) {
                return new Transitions.Refuse(null, null, new Refusal.GroupNoLongerManaged(r.groupName()));
            }
            Instant newEnd = r.endsAt().get().plus(by);
            Duration window = Duration.between(r.activatedAt().get(), newEnd);
            Duration max = policy.get().maxDuration();
            if (by.isNegative() || by.isZero() || window.compareTo(max) > 0) {
                Duration left = max.minus(Duration.between(r.activatedAt().get(), r.endsAt().get()));
                return new Transitions.Refuse(null, null, new Refusal.ExtensionTooLong(RequestRules.group(policy.get()),
                        max, left));
            }
            Instant now = clock.instant();
            Transitions.Change change = new Transitions.Change(r.extendTo(newEnd, now), actor.userPrincipalName(),
                    "request.extended", "by " + DurationText.format(by) + " until " + newEnd)
                    .rescheduleJob(JobKind.EXPIRE, newEnd).notice(NoticeKind.EXTENDED);
            Instant warnAt = newEnd.minus(settings.expiryWarning());
            if (warnAt.isAfter(now)) {
                change.rescheduleJob(JobKind.EXPIRY_WARNING, warnAt);
            }
            return change;
        });
    }
}
