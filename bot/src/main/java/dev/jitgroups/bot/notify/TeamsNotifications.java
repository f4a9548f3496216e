package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.bot.wording.NoticeText;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.notification.SettledDecision;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.request.AccessRequest;
import java.util.Optional;
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
        switch (n.kind()) {
            // the requester hears who has the card only once it is posted: nobody is named who was not reached
            case SUBMITTED, REMINDER -> reports.report(n, cards.post(n, d), d);
            case EXPIRING_SOON -> d.run(() -> outbox(r).ifPresent(a -> d.once(a,
                    Message.card(RequestCards.expiring(r, n.policy(), null)))));
            case DIRECTORY_TROUBLE -> LOG.debug("directory trouble with request {}: feed only", r.id());
            default -> cards.updateCopies(n, d);
        }
        NoticeText.forRequester(n).ifPresent(text -> toRequester(d, r, text));
        NoticeText.forFeed(n).ifPresent(text -> feed(n.policy(), text, d));
        d.rethrowIfRetryable();
    }

    @Override
    public void decisionSettled(SettledDecision n) {
        Delivery d = new Delivery("settled/" + n.decision().key(), store, outbox);
        String text = NoticeText.settled(n);
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
        feed(n.policy(), NoticeText.drift(n), d);
        d.rethrowIfRetryable();
    }

    private void toRequester(Delivery d, AccessRequest r, String markdown) {
        d.run(() -> outbox(r).ifPresentOrElse(a -> d.once(a, Message.text(markdown)),
                () -> LOG.info("requester {} ({}) has no chat with the bot; not told: {}", r.requester().displayName(),
                        r.requester().userPrincipalName(), markdown)));
    }

    private Optional<Address> outbox(AccessRequest r) {
        return store.personalChatOf(r.requester().id());
    }

    private void feed(GroupPolicy p, String markdown, Delivery d) {
        for (Address channel : channels.of(p)) {
            d.run(() -> d.once(channel, Message.text(markdown)));
        }
    }
}
