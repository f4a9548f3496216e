package dev.jitgroups.bot.wording;

import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.notification.SettledDecision;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.Approval;
import dev.jitgroups.core.request.RequestStatus;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each audience reads about a request event, as pure functions of the notice. Each person hears each fact once:
 * the actor already has the answer to their own message or tap (so the requester hears nothing of their own cancel,
 * extend or deactivate), approvers see their cards change, channels get one feed line for events they follow.
 */
public final class NoticeText {

    /** The reason a self-service early end carries (core's wording of a deactivation). */
    static final String DEACTIVATED_BY_REQUESTER = "deactivated by the requester";

    private NoticeText() {
    }

    /** The requester's message, or empty when they hear nothing of this event. */
    public static Optional<String> forRequester(RequestNotice n) {
        AccessRequest r = n.request();
        String group = bold(n.policy().displayName());
        return switch (n.kind()) {
            case APPROVAL_RECORDED -> r.approvals().isEmpty() ? Optional.empty() : Optional.of(
                    Markdown.escape(last(r).approverName()) + " approved your request for " + group + "; it needs "
                    + remaining(n) + " more approval" + (remaining(n) == 1 ? "" : "s") + ".");
            // without approvers the requester was answered at once when they asked
            case APPROVED -> r.approvals().isEmpty() ? Optional.empty() : Optional.of("Your request for " + group
                    + " was approved by " + approvers(r) + ". Adding you in Active Directory now.");
            // told late (Teams was down, or they ended it at once): "effective now" would no longer be true
            case EFFECTIVE -> r.status() != RequestStatus.ACTIVE ? Optional.empty() : Optional.of("Your membership of "
                    + group + " is effective in AD now"
                    + r.endsAt().map(t -> ", until " + RequestCards.time(t)).orElse("") + ". Sign out and in again (or "
                    + "run `klist purge`) so that your Kerberos ticket carries the new group.");
            case DENIED -> Optional.of("Your request for " + group + " was denied" + by(r) + reasonSuffix(r) + ".");
            case TIMED_OUT -> Optional.of("Your request for " + group + " timed out without a decision. Send `request` "
                    + "to ask again, or talk to an approver.");
            case EXPIRED -> Optional.of("Your membership of " + group + " has ended" + (n.detail().isBlank()
                    ? " and was removed in AD." : ". " + Markdown.escape(n.detail())));
            case REVOKED -> selfService(r) ? Optional.empty() : Optional.of("Your membership of " + group
                    + " was ended" + by(r) + reasonSuffix(r) + ". It is being removed in AD.");
            case FAILED -> Optional.of("Your request for " + group + " could not be applied in Active Directory: "
                    + Markdown.escape(why(n)) + ". Nothing was changed; your AD administrator can help.");
            // SUBMITTED and REMINDER: the reach report says who has the card; CANCELLED and EXTENDED: only the
            // requester can do them, and their own answer said so; EXPIRING_SOON is a card of its own
            default -> Optional.empty();
        };
    }

    /** The line for the group's channels, or empty when the channels get nothing for this event. */
    public static Optional<String> forFeed(RequestNotice n) {
        AccessRequest r = n.request();
        String group = bold(n.policy().displayName());
        String who = Markdown.escape(r.requester().displayName());
        return switch (n.kind()) {
            case APPROVED -> r.breakGlass() ? Optional.of("**BREAK-GLASS** use of " + group + " by " + who + ": "
                    + Markdown.escape(r.justification().orElse("no reason given"))) : Optional.empty();
            case EFFECTIVE -> Optional.of("Activated: " + who + " in " + group + " for "
                    + DurationText.format(r.duration()));
            case DENIED -> Optional.of("Denied: " + who + " for " + group + by(r));
            case EXTENDED -> Optional.of("Extended: " + who + " in " + group
                    + r.endsAt().map(t -> " until " + RequestCards.time(t)).orElse(""));
            case EXPIRED -> Optional.of("Expired: " + who + " in " + group);
            case REVOKED -> Optional.of("Ended early: " + who + " in " + group + by(r));
            case FAILED -> Optional.of("Failed: " + who + " in " + group + ": " + Markdown.escape(why(n)));
            case DIRECTORY_TROUBLE -> Optional.of("Directory trouble with " + group + " for " + who + ": "
                    + Markdown.escape(n.detail()) + " (retrying)");
            default -> Optional.empty();
        };
    }

    /** Approvers still asked to decide, told again at the reminder. */
    public static String reminder(RequestNotice n) {
        return "Reminder: " + Markdown.escape(n.request().requester().displayName()) + "'s request for "
                + bold(n.policy().displayName()) + " still waits for a decision (card above, or send `pending`).";
    }

    /** The approver of a decision made while their rights could not be checked (AD or Microsoft Graph down). */
    public static String settled(SettledDecision n) {
        String what = (n.decision().approve() ? "approval" : "denial") + " of "
                + Markdown.escape(n.request().requester().displayName()) + "'s request for "
                + bold(n.policy().displayName()) + ", made while your rights could not be checked,";
        return n.counted() ? "Your " + what + " now counts: your rights were checked just now."
                : "Your " + what + " did not count: " + RefusalText.of(n.refusal());
    }

    /** Members of a managed group that no grant covers. */
    public static String drift(DriftNotice n) {
        return "Drift in " + bold(n.policy().displayName()) + ": " + n.uncoveredMemberDns().size() + " member"
                + (n.uncoveredMemberDns().size() == 1 ? "" : "s") + " without a grant" + (n.removed()
                ? (n.uncoveredMemberDns().size() == 1 ? " was" : " were") + " removed" : "") + ": "
                + n.uncoveredMemberDns().stream().map(Markdown::escape).collect(Collectors.joining("; "));
    }

    private static boolean selfService(AccessRequest r) {
        return r.reason().map(DEACTIVATED_BY_REQUESTER::equals).orElse(false);
    }

    private static int remaining(RequestNotice n) {
        return Math.max(0, n.policy().requiredApprovals() - n.request().approvals().size());
    }

    private static Approval last(AccessRequest r) {
        return r.approvals().get(r.approvals().size() - 1);
    }

    private static String approvers(AccessRequest r) {
        return r.approvals().stream().map(a -> Markdown.escape(a.approverName())).collect(Collectors.joining(" and "));
    }

    private static String why(RequestNotice n) {
        return n.detail().isBlank() ? n.request().reason().orElse("unknown reason") : n.detail();
    }

    private static String by(AccessRequest r) {
        return r.closedBy().map(b -> " by " + Markdown.escape(b)).orElse("");
    }

    private static String reasonSuffix(AccessRequest r) {
        return r.reason().filter(s -> !s.isBlank()).map(s -> ": " + Markdown.escape(s)).orElse("");
    }

    private static String bold(String displayName) {
        return "**" + Markdown.escape(displayName) + "**";
    }
}
