package dev.jitgroups.bot.wording;

import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.RequestStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Core's refusals as the sentence a person reads in Teams: what happened and what to do next. Values that came from
 * people (group names, ticket ids) are escaped; commands are shown as code.
 */
public final class RefusalText {

    private static final Map<Class<?>, Function<Refusal, String>> TEXTS = new HashMap<>();

    static {
        on(Refusal.Several.class, r -> r.each().stream().map(RefusalText::of).collect(Collectors.joining(" ")));
        on(Refusal.AccountDisabled.class, r -> "Your directory account is disabled, so you cannot request access. "
                + "Ask your AD administrator.");
        on(Refusal.UnknownGroup.class, r -> (r.asked() == null ? "There is no managed group by that name. "
                : "There is no managed group called " + code(r.asked()) + ". ") + youMayRequest(r.mayRequest()));
        on(Refusal.NotEligible.class, r -> "You are not eligible for " + bold(r.group()) + ". "
                + youMayRequest(r.mayRequest()));
        on(Refusal.DurationNotPositive.class, r -> "The duration must be longer than zero.");
        on(Refusal.DurationTooLong.class, r -> bold(r.group()) + " can be requested for at most "
                + DurationText.format(r.max()) + "; you asked for " + DurationText.format(r.asked()) + ".");
        on(Refusal.JustificationMissing.class, r -> r.breakGlass()
                ? "Break-glass access always needs a reason: add one with `because ...`."
                : bold(r.group()) + " needs a reason: add `because ...` and what you will do.");
        on(Refusal.JustificationTooLong.class, r -> "The reason is too long (at most " + r.max() + " characters).");
        on(Refusal.TicketMissing.class, r -> bold(r.group()) + " needs a ticket: add "
                + (r.example() == null ? "`ticket` and its id." : code("ticket " + r.example()) + " with yours."));
        on(Refusal.TicketInvalid.class, r -> code(r.ticket()) + " is not a ticket id of the required shape"
                + (r.example() == null ? "; ask your service desk for the right one." : "; it looks like "
                + code(r.example()) + "."));
        on(Refusal.TicketTooLong.class, r -> "The ticket id is too long (at most " + r.max() + " characters).");
        on(Refusal.AlreadyOpen.class, r -> "You already have a request for " + bold(r.group()) + " that is "
                + r.status().label() + " (" + r.requestShortId() + "); wait for it, or "
                + code("cancel " + r.group().key()) + ".");
        on(Refusal.TooManyRequests.class, r -> "You have submitted " + r.max() + " requests in the last "
                + DurationText.format(r.per()) + ", the most allowed, so that approvers are not flooded. Try again "
                + "later, or talk to an approver if it is urgent.");
        on(Refusal.CommentTooLong.class, r -> "Your comment is too long (at most " + r.max() + " characters); nothing "
                + "was recorded.");
        on(Refusal.RequestNotFound.class, r -> "That request does not exist (any more); nothing was changed. Send "
                + "`status` to see yours.");
        on(Refusal.NotPending.class, r -> "This request is already " + r.status().label()
                + (r.closedBy() == null ? "" : " by " + Markdown.escape(r.closedBy())) + "; nothing was changed.");
        on(Refusal.OwnRequest.class, r -> "You cannot decide your own request; another approver has to.");
        on(Refusal.ApproverDisabled.class, r -> "Your directory account is disabled, so you cannot approve or deny "
                + "requests. Ask your AD administrator.");
        on(Refusal.NotAnApprover.class, r -> "You are not an approver of " + bold(r.group()) + " (checked just now), "
                + "so your decision was not recorded.");
        on(Refusal.AlreadyDecided.class, r -> r.triedToDeny()
                ? "You have already approved this request, and each approver decides once; your approval stands. "
                + "Ask another approver to deny it, or a JIT admin to revoke the access later."
                : "You have already approved this request; it needs another approver.");
        on(Refusal.DecisionAlreadyWaiting.class, r -> "Your decision on this request is already recorded and waits "
                + "for Active Directory; nothing more was recorded.");
        on(Refusal.NotTheRequester.class, r -> switch (r.action()) {
            case "deactivate" -> "Only the requester can deactivate their grant; JIT admins can revoke it.";
            case "extend" -> "Only the requester can extend their grant.";
            default -> "Only the requester can " + r.action() + " a request.";
        });
        on(Refusal.NotAnAdmin.class, r -> "Only JIT admins can revoke someone's access.");
        on(Refusal.WrongState.class, RefusalText::wrongState);
        on(Refusal.GroupNoLongerManaged.class, r -> "The group " + code(r.groupKey()) + " is no longer managed by "
                + "JIT Groups.");
        on(Refusal.ExtensionTooLong.class, r -> bold(r.group()) + " grants last at most " + DurationText.format(r.max())
                + " in all; " + (r.left().isNegative() || r.left().isZero() ? "this one cannot be extended any more"
                : "you can extend this one by at most " + DurationText.format(r.left()))
                + ". For more time, request again after it ends.");
    }

    private RefusalText() {
    }

    /** The sentence for a refusal. */
    public static String of(Refusal refusal) {
        Function<Refusal, String> text = TEXTS.get(refusal.getClass());
        if (text == null) {
            throw new IllegalStateException("no wording for " + refusal.getClass().getSimpleName());
        }
        return text.apply(refusal);
    }

    /** The refusal cases that have wording (a test checks every case of {@link Refusal} has). */
    static boolean covers(Class<?> type) {
        return TEXTS.containsKey(type);
    }

    private static String wrongState(Refusal.WrongState r) {
        String is = "This request is " + r.status().label();
        return switch (r.action()) {
            case "cancel" -> r.status() == RequestStatus.ACTIVE
                    ? is + " and can no longer be cancelled; use Deactivate to end it now."
                    : is + " and can no longer be cancelled.";
            case "deactivate" -> is + ", not active; there is nothing to deactivate.";
            case "extend" -> is + ", not active; request access again instead.";
            default -> is + ", not active; there is nothing to " + r.action() + ".";
        };
    }

    private static String youMayRequest(List<Refusal.Group> groups) {
        if (groups.isEmpty()) {
            return "You are not eligible for any managed group; ask your AD administrator.";
        }
        return "You may request: " + groups.stream().map(g -> code(g.key()) + " (" + Markdown.escape(g.displayName())
                + ")").collect(Collectors.joining(", ")) + ".";
    }

    private static String bold(Refusal.Group g) {
        return "**" + Markdown.escape(g.displayName()) + "**";
    }

    /** User text shown as code: backticks inside would end it early, so they are dropped. */
    private static String code(String text) {
        return "`" + text.replace("`", "") + "`";
    }

    @SuppressWarnings("unchecked")
    private static <R extends Refusal> void on(Class<R> type, Function<R, String> text) {
        TEXTS.put(type, r -> text.apply((R) r));
    }
}
