package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.bot.wording.RefusalText;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.notification.SettledDecision;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.request.AccessRequest;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells people in Teams what happened to a request: the requester 1:1, approvers by approval card
 * ({@link ApprovalCards}, and the requester hears who has it from {@link ReachReports}), subscribed channels by a
 * compact feed, and every posted card copy is updated. Called from durable jobs: a delivery that may succeed later is
 * rethrown (the job retries); a permanent refusal is logged and skipped.
 */
@Component
class TeamsNotifications implements NotificationPort {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsNotifications.class);

    private final ConversationStore store;
    private final Outbox outbox;
    private final ApprovalCards cards;
    private final ReachReports reports;
    private final GroupChannels channels;

    TeamsNotifications(ConversationStore store, Outbox outbox, ApprovalCards cards, ReachReports reports,
            GroupChannels channels) {
        this.store = store;
        this.outbox = outbox;
        this.cards = cards;
        this.reports = reports;
        this.channels = channels;
    }

    @Override
    public void requestChanged(RequestNotice n) {
        Delivery d = new Delivery(n.request().id() + "/" + n.kind() + "/" + n.request().version(), store, outbox);
        AccessRequest r = n.request();
        String group = "**" + Markdown.escape(n.policy().displayName()) + "**";
        switch (n.kind()) {
            // the requester hears who has the card only once it is posted: nobody is named who was not reached
            case SUBMITTED, REMINDER -> reports.report(n, cards.post(n, d), d);
            case APPROVAL_RECORDED -> cards.updateCopies(n, d);
            case APPROVED -> {
                cards.updateCopies(n, d);
                if (!r.approvals().isEmpty()) {
                    // without approvals the requester was answered at once; no need to say it twice
                    toRequester(d, r, "Your request for " + group + " was approved. Adding you in Active "
                            + "Directory now.");
                }
                if (r.breakGlass()) {
                    feed(n.policy(), "**BREAK-GLASS** use of " + group + " by "
                            + Markdown.escape(r.requester().displayName()) + ": " + reason(r), d);
                }
            }
            case EFFECTIVE -> {
                cards.updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " is effective in AD now"
                        + r.endsAt().map(t -> ", until " + RequestCards.time(t)).orElse("") + ". Sign out and in "
                        + "again (or run `klist purge`) so that your Kerberos ticket carries the new group.");
                feed(n.policy(), "Activated: " + Markdown.escape(r.requester().displayName()) + " in " + group
                        + " for " + DurationText.format(r.duration()), d);
            }
            case DENIED -> {
                cards.updateCopies(n, d);
                toRequester(d, r, "Your request for " + group + " was denied"
                        + r.closedBy().map(b -> " by " + Markdown.escape(b)).orElse("") + reasonSuffix(r) + ".");
                feed(n.policy(), "Denied: " + Markdown.escape(r.requester().displayName()) + " for " + group, d);
            }
            case CANCELLED -> {
                cards.updateCopies(n, d);
                toRequester(d, r, "Your request for " + group + " was cancelled.");
            }
            case TIMED_OUT -> {
                cards.updateCopies(n, d);
                toRequester(d, r, "Your request for " + group + " timed out without a decision. "
                        + "Send `request` to ask again, or talk to an approver.");
            }
            case EXPIRING_SOON -> d.run(() -> outbox(r).ifPresent(a -> d.once(a,
                    Message.card(RequestCards.expiring(r, n.policy(), null)))));
            case EXTENDED -> {
                cards.updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " was extended"
                        + r.endsAt().map(t -> " until " + RequestCards.time(t)).orElse("") + ".");
            }
            case EXPIRED -> {
                cards.updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " has expired and was removed in AD.");
                feed(n.policy(), "Expired: " + Markdown.escape(r.requester().displayName()) + " in " + group, d);
            }
            case REVOKED -> {
                cards.updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " was ended"
                        + r.closedBy().map(b -> " by " + Markdown.escape(b)).orElse("") + reasonSuffix(r) + ".");
                feed(n.policy(), "Ended early: " + Markdown.escape(r.requester().displayName()) + " in " + group, d);
            }
            case FAILED -> {
                cards.updateCopies(n, d);
                String why = n.detail().isBlank() ? r.reason().orElse("unknown reason") : n.detail();
                toRequester(d, r, "Your request for " + group + " could not be applied in Active Directory: "
                        + Markdown.escape(why) + ". Nothing was changed; your AD administrator can help.");
                feed(n.policy(), "Failed: " + Markdown.escape(r.requester().displayName()) + " in " + group + ": "
                        + Markdown.escape(why), d);
            }
            case DIRECTORY_TROUBLE -> feed(n.policy(), "Directory trouble with " + group + " for "
                    + Markdown.escape(r.requester().displayName()) + ": " + Markdown.escape(n.detail())
                    + " (retrying)", d);
            default -> LOG.debug("no Teams message for {}", n.kind());
        }
        d.rethrowIfRetryable();
    }

    @Override
    public void decisionSettled(SettledDecision n) {
        Delivery d = new Delivery("settled/" + n.decision().key(), store, outbox);
        String what = (n.decision().approve() ? "approval" : "denial") + " of "
                + Markdown.escape(n.request().requester().displayName()) + "'s request for **"
                + Markdown.escape(n.policy().displayName()) + "**, made while Active Directory could not be reached,";
        String text = n.counted() ? "Your " + what + " now counts: it was checked against Active Directory just now."
                : "Your " + what + " did not count: " + RefusalText.of(n.refusal());
        Optional<Address> to = store.find(n.decision().origin())
                .or(() -> n.approver().flatMap(a -> store.personalChatOf(a.id())));
        d.run(() -> to.ifPresentOrElse(a -> d.once(a, Message.text(text)), () -> LOG.warn("could not tell {} that "
                + "their decision on request {} {}", n.decision().approverReference(), n.request().id(),
                n.counted() ? "counts" : "did not count")));
        d.rethrowIfRetryable();
    }

    @Override
    public void drift(DriftNotice n) {
        Delivery d = new Delivery(null, store, outbox);
        String members = n.uncoveredMemberDns().stream().map(Markdown::escape).collect(Collectors.joining("; "));
        feed(n.policy(), "Drift in **" + Markdown.escape(n.policy().displayName()) + "**: "
                + n.uncoveredMemberDns().size() + " member(s) without a grant" + (n.removed() ? " were removed" : "")
                + ": " + members, d);
        d.rethrowIfRetryable();
    }

    private void toRequester(Delivery d, AccessRequest r, String markdown) {
        d.run(() -> outbox(r).ifPresentOrElse(a -> d.once(a, Message.text(markdown)),
                () -> LOG.info("requester {} has no chat with the bot; not told: {}", r.requester().id(), markdown)));
    }

    private Optional<Address> outbox(AccessRequest r) {
        return store.personalChatOf(r.requester().id());
    }

    private void feed(GroupPolicy p, String markdown, Delivery d) {
        for (Address channel : channels.of(p)) {
            d.run(() -> d.once(channel, Message.text(markdown)));
        }
    }

    private static String reason(AccessRequest r) {
        return Markdown.escape(r.justification().orElse("no reason given"));
    }

    private static String reasonSuffix(AccessRequest r) {
        return r.reason().filter(s -> !s.isBlank()).map(s -> ": " + Markdown.escape(s)).orElse("");
    }
}
