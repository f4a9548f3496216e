package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.Markdown;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.wording.NoticeText;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Approval cards: one 1:1 to each approver (reached however {@link ApproverReach} can), one in each channel of the
 * group, every posted copy recorded ({@code bot_card_copy}) so it is never posted twice and is updated on every change.
 */
@Component
class ApprovalCards {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalCards.class);

    private final ConversationStore store;
    private final Outbox outbox;
    private final ApproverReach reach;
    private final GroupChannels channels;

    ApprovalCards(ConversationStore store, Outbox outbox, ApproverReach reach, GroupChannels channels) {
        this.store = store;
        this.outbox = outbox;
        this.reach = reach;
        this.channels = channels;
    }

    /** Posts the card to every approver who has none yet (and, on submission, to the group's channels). */
    CardRound post(RequestNotice n, Delivery d) {
        AccessRequest r = n.request();
        CardRound round = new CardRound();
        if (r.status() != RequestStatus.PENDING_APPROVAL) {
            return round;
        }
        Set<String> alreadySent = store.copies(r.id()).stream().map(CardCopy::viewerAccountId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (Account approver : n.approvers()) {
            if (alreadySent.contains(approver.id())) {
                round.asked(approver);
                remindIfDue(n, approver, d);
            } else {
                toApprover(n, approver, d, round);
            }
        }
        if (n.kind() == NoticeKind.SUBMITTED) {
            toChannels(n, d);
        }
        round.inChannel(store.copies(r.id()).stream().anyMatch(c -> c.viewerAccountId() == null));
        return round;
    }

    /** Replaces every posted copy with the request as it is now. */
    void updateCopies(RequestNotice n, Delivery d) {
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

    private void toApprover(RequestNotice n, Account approver, Delivery d, CardRound round) {
        Reach found = reach.reach(approver);
        if (found instanceof Reach.NotReached no) {
            round.unreachable(approver, no.why(), no.detail());
            return;
        }
        if (found instanceof Reach.Later later) {
            LOG.warn("approver {} ({}) not reached yet, will retry: {}", approver.displayName(),
                    approver.userPrincipalName(), later.cause().getMessage());
            d.failed(later.cause());
            round.trying(approver, later.why(), later.cause().getMessage());
            return;
        }
        Address chat = ((Reach.Chat) found).address();
        AccessRequest r = n.request();
        List<String> refresh = chat.aadObjectId() == null ? List.of() : List.of(chat.aadObjectId());
        DeliveryException failed = d.attempt(() -> {
            String activity = outbox.post(chat, Message.card(RequestCards.approval(r, n.policy(), true, refresh, null)));
            store.addCopy(r.id(), chat.conversationId(), activity, approver.id());
        });
        if (failed == null) {
            round.asked(approver);
        } else if (failed.retryable()) {
            round.trying(approver, Unreachable.TEAMS_DOWN, failed.getMessage());
        } else {
            round.unreachable(approver, Unreachable.TEAMS_REFUSED, failed.getMessage());
        }
    }

    private void remindIfDue(RequestNotice n, Account approver, Delivery d) {
        AccessRequest r = n.request();
        if (n.kind() != NoticeKind.REMINDER || r.hasApprovalFrom(approver.id())) {
            return;
        }
        store.personalChatOf(approver.id()).ifPresent(chat -> d.run(() -> d.once(chat,
                Message.text(NoticeText.reminder(n)))));
    }

    private void toChannels(RequestNotice n, Delivery d) {
        AccessRequest r = n.request();
        List<String> deciders = deciderAadIds(n);
        for (Address channel : channels.of(n.policy())) {
            d.run(() -> {
                String activity = d.once(channel, Message.card(RequestCards.approval(r, n.policy(), false, deciders,
                        null)));
                if (activity != null) {
                    store.addCopy(r.id(), channel.conversationId(), activity, null);
                }
            });
        }
    }

    private List<String> deciderAadIds(RequestNotice n) {
        return store.aadObjectIdsOf(n.approvers().stream().map(Account::id)
                .filter(id -> !n.request().hasApprovalFrom(id)).toList());
    }
}
