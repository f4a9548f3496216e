package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.bot.wording.RefusalText;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.notification.SettledDecision;
import dev.jitgroups.core.policy.DurationText;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells people in Teams what happened to a request: the requester 1:1, approvers by approval card, subscribed
 * channels by a compact feed, and every posted card copy is updated. Called from durable jobs: a delivery that
 * may succeed later is rethrown (the job retries); a permanent refusal is logged and skipped.
 */
@Component
class TeamsNotifications implements NotificationPort {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsNotifications.class);

    private final ConversationStore store;
    private final Outbox outbox;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    TeamsNotifications(ConversationStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Override
    public void requestChanged(RequestNotice n) {
        Delivery d = new Delivery(n.request().id() + "/" + n.kind() + "/" + n.request().version());
        AccessRequest r = n.request();
        String group = "**" + Markdown.escape(n.policy().displayName()) + "**";
        switch (n.kind()) {
            case SUBMITTED -> {
                toRequester(d, r, "Approval of your request for " + group + " ("
                        + DurationText.format(r.duration()) + ") was asked of: " + n.approvers().stream()
                        .map(a -> Markdown.escape(a.displayName())).collect(Collectors.joining(", "))
                        + ". It needs " + n.policy().requiredApprovals() + " approval(s).");
                postApprovalCards(n, d);
            }
            case REMINDER -> postApprovalCards(n, d);
            case APPROVAL_RECORDED -> updateCopies(n, d);
            case APPROVED -> {
                updateCopies(n, d);
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
                updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " is effective in AD now"
                        + r.endsAt().map(t -> ", until " + RequestCards.time(t)).orElse("") + ". Sign out and in "
                        + "again (or run `klist purge`) so that your Kerberos ticket carries the new group.");
                feed(n.policy(), "Activated: " + Markdown.escape(r.requester().displayName()) + " in " + group
                        + " for " + DurationText.format(r.duration()), d);
            }
            case DENIED -> {
                updateCopies(n, d);
                toRequester(d, r, "Your request for " + group + " was denied"
                        + r.closedBy().map(b -> " by " + Markdown.escape(b)).orElse("") + reasonSuffix(r) + ".");
                feed(n.policy(), "Denied: " + Markdown.escape(r.requester().displayName()) + " for " + group, d);
            }
            case CANCELLED -> {
                updateCopies(n, d);
                toRequester(d, r, "Your request for " + group + " was cancelled.");
            }
            case TIMED_OUT -> {
                updateCopies(n, d);
                toRequester(d, r, "Your request for " + group + " timed out without a decision. "
                        + "Send `request` to ask again, or talk to an approver.");
            }
            case EXPIRING_SOON -> d.run(() -> outbox(r).ifPresent(a -> once(d, a,
                    Message.card(RequestCards.expiring(r, n.policy(), null)))));
            case EXTENDED -> {
                updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " was extended"
                        + r.endsAt().map(t -> " until " + RequestCards.time(t)).orElse("") + ".");
            }
            case EXPIRED -> {
                updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " has expired and was removed in AD.");
                feed(n.policy(), "Expired: " + Markdown.escape(r.requester().displayName()) + " in " + group, d);
            }
            case REVOKED -> {
                updateCopies(n, d);
                toRequester(d, r, "Your membership of " + group + " was ended"
                        + r.closedBy().map(b -> " by " + Markdown.escape(b)).orElse("") + reasonSuffix(r) + ".");
                feed(n.policy(), "Ended early: " + Markdown.escape(r.requester().displayName()) + " in " + group, d);
            }
            case FAILED -> {
                updateCopies(n, d);
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
        Delivery d = new Delivery("settled/" + n.decision().key());
        String what = (n.decision().approve() ? "approval" : "denial") + " of "
                + Markdown.escape(n.request().requester().displayName()) + "'s request for **"
                + Markdown.escape(n.policy().displayName()) + "**, made while Active Directory could not be reached,";
        String text = n.counted() ? "Your " + what + " now counts: it was checked against Active Directory just now."
                : "Your " + what + " did not count: " + RefusalText.of(n.refusal());
        Optional<Address> to = store.find(n.decision().origin())
                .or(() -> n.approver().flatMap(a -> store.personalChatOf(a.id())));
        d.run(() -> to.ifPresentOrElse(a -> once(d, a, Message.text(text)), () -> LOG.warn("could not tell {} that "
                + "their decision on request {} {}", n.decision().approverReference(), n.request().id(),
                n.counted() ? "counts" : "did not count")));
        d.rethrowIfRetryable();
    }

    @Override
    public void drift(DriftNotice n) {
        Delivery d = new Delivery(null);
        String members = n.uncoveredMemberDns().stream().map(Markdown::escape).collect(Collectors.joining("; "));
        feed(n.policy(), "Drift in **" + Markdown.escape(n.policy().displayName()) + "**: "
                + n.uncoveredMemberDns().size() + " member(s) without a grant" + (n.removed() ? " were removed" : "")
                + ": " + members, d);
        d.rethrowIfRetryable();
    }

    private void postApprovalCards(RequestNotice n, Delivery d) {
        AccessRequest r = n.request();
        if (r.status() != RequestStatus.PENDING_APPROVAL) {
            return;
        }
        Set<String> alreadySent = store.copies(r.id()).stream().map(CardCopy::viewerAccountId)
                .filter(id -> id != null).collect(Collectors.toSet());
        for (Account approver : n.approvers()) {
            if (alreadySent.contains(approver.id())) {
                if (n.kind() == NoticeKind.REMINDER && !r.hasApprovalFrom(approver.id())) {
                    store.personalChatOf(approver.id()).ifPresent(chat -> d.run(() -> once(d, chat, Message.text(
                            "Reminder: " + Markdown.escape(r.requester().displayName()) + "'s request for **"
                            + Markdown.escape(n.policy().displayName()) + "** still waits for a decision (card above, "
                            + "or send `pending`)."))));
                }
                continue;
            }
            Optional<Address> chat = store.personalChatOf(approver.id());
            if (chat.isEmpty()) {
                LOG.info("approver {} has no chat with the bot yet; no approval card sent 1:1", approver.id());
                continue;
            }
            List<String> refresh = chat.get().aadObjectId() == null ? List.of() : List.of(chat.get().aadObjectId());
            d.run(() -> {
                String activity = outbox.post(chat.get(), Message.card(RequestCards.approval(r, n.policy(), true,
                        refresh, null)));
                store.addCopy(r.id(), chat.get().conversationId(), activity, approver.id());
            });
        }
        if (n.kind() != NoticeKind.SUBMITTED) {
            return; // channels got their copy when the request was submitted
        }
        List<String> deciders = deciderAadIds(n);
        for (Address channel : channels(n.policy())) {
            d.run(() -> {
                String activity = once(d, channel, Message.card(RequestCards.approval(r, n.policy(), false, deciders,
                        null)));
                if (activity != null) {
                    store.addCopy(r.id(), channel.conversationId(), activity, null);
                }
            });
        }
    }

    private void updateCopies(RequestNotice n, Delivery d) {
        AccessRequest r = n.request();
        List<String> deciders = deciderAadIds(n);
        for (CardCopy copy : store.copies(r.id())) {
            Optional<Address> where = store.find(copy.conversationId());
            if (where.isEmpty()) {
                continue;
            }
            boolean viewerMayDecide = copy.viewerAccountId() != null && !r.hasApprovalFrom(copy.viewerAccountId());
            List<String> refresh = copy.viewerAccountId() == null ? deciders
                    : Optional.ofNullable(where.get().aadObjectId()).map(List::of).orElse(List.of());
            d.run(() -> outbox.update(where.get(), copy.activityId(), RequestCards.approval(r, n.policy(),
                    viewerMayDecide, viewerMayDecide ? refresh : List.of(), null)));
        }
    }

    private List<String> deciderAadIds(RequestNotice n) {
        return store.aadObjectIdsOf(n.approvers().stream().map(Account::id)
                .filter(id -> !n.request().hasApprovalFrom(id)).toList());
    }

    private void toRequester(Delivery d, AccessRequest r, String markdown) {
        d.run(() -> outbox(r).ifPresentOrElse(a -> once(d, a, Message.text(markdown)),
                () -> LOG.info("requester {} has no chat with the bot; not told: {}", r.requester().id(), markdown)));
    }

    /** Posts unless this notice was already posted there (a retried job after a partial failure). */
    private String once(Delivery d, Address to, Message message) {
        String key = d.noticeKey;
        if (key != null && store.delivered(key, to.conversationId())) {
            return null;
        }
        String activity = outbox.post(to, message);
        if (key != null) {
            store.markDelivered(key, to.conversationId());
        }
        return activity;
    }

    private Optional<Address> outbox(AccessRequest r) {
        return store.personalChatOf(r.requester().id());
    }

    private void feed(GroupPolicy p, String markdown, Delivery d) {
        for (Address channel : channels(p)) {
            d.run(() -> once(d, channel, Message.text(markdown)));
        }
    }

    /**
     * The channels of a group's feed: those subscribed in Teams ({@code subscribe <group>}) and the channel id in
     * {@code notify-channel}. A notify-channel that is not a channel id ({@code 19:...}) is a label only: the bot
     * never looks a channel up by name, since any team can name a channel that way.
     */
    private List<Address> channels(GroupPolicy p) {
        Set<String> ids = new LinkedHashSet<>(store.subscribers(p.name()));
        p.notifyChannel().filter(TeamsNotifications::isChannelId).ifPresent(ids::add);
        List<Address> found = new ArrayList<>();
        for (String id : ids) {
            store.channel(id).ifPresentOrElse(found::add, () -> warnOnce(p.name() + "|" + id, "channel {} of group {} "
                    + "has no stored conversation reference yet; mention the bot there once so it can post", id,
                    p.name()));
        }
        if (ids.isEmpty()) {
            p.notifyChannel().ifPresent(label -> warnOnce(p.name() + "|" + label, "notify-channel '{}' of group {} is "
                    + "a label, not a channel id; send 'subscribe {}' in that channel to bind it", label, p.name(),
                    p.name()));
        }
        return found;
    }

    private static boolean isChannelId(String s) {
        return s.startsWith("19:");
    }

    private void warnOnce(String key, String message, Object... args) {
        if (warned.add(key)) {
            LOG.warn(message, args);
        }
    }

    private static String reason(AccessRequest r) {
        return Markdown.escape(r.justification().orElse("no reason given"));
    }

    private static String reasonSuffix(AccessRequest r) {
        return r.reason().filter(s -> !s.isBlank()).map(s -> ": " + Markdown.escape(s)).orElse("");
    }

    /** Runs each delivery on its own so one unreachable chat does not silence the others. */
    private static final class Delivery {

        /** request, kind and version of the notice; null for drift reports (not deduplicated). */
        private final String noticeKey;
        private DeliveryException retryable;

        Delivery(String noticeKey) {
            this.noticeKey = noticeKey;
        }

        void run(Runnable send) {
            try {
                send.run();
            } catch (DeliveryException e) {
                if (e.retryable()) {
                    retryable = retryable == null ? e : retryable;
                }
                LOG.warn("Teams delivery failed ({}): {}", e.retryable() ? "will retry" : "permanent", e.getMessage());
            }
        }

        void rethrowIfRetryable() {
            if (retryable != null) {
                throw retryable;
            }
        }
    }
}
