package dev.jitgroups.bot.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.bot.cards.CardView;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.cards.Notice;
import dev.jitgroups.bot.wording.NoticeText;
import dev.jitgroups.bot.cards.RequestCards;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.workflow.Queries;
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
    private final Queries queries;
    private final PolicyCatalog catalog;

    ApprovalCards(ConversationStore store, Outbox outbox, ApproverReach reach, GroupChannels channels, Queries queries,
            PolicyCatalog catalog) {
        this.store = store;
        this.outbox = outbox;
        this.reach = reach;
        this.channels = channels;
        this.queries = queries;
        this.catalog = catalog;
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

    /**
     * Draws every kept copy of the request again, for its reader and through their own conversation reference: an
     * approver's copy with the buttons while they may still decide, a channel's with the status, a requester's status
     * card with all their open requests. A copy Teams no longer has (deleted) is forgotten after that one failure.
     */
    void updateCopies(RequestNotice n, Delivery d) {
        AccessRequest r = n.request();
        List<String> deciders = deciderAadIds(n);
        for (CardCopy copy : store.copies(r.id())) {
            Optional<Address> where = store.find(copy.conversationId(), copy.accountKey());
            if (where.isEmpty()) {
                continue;
            }
            ObjectNode card = draw(copy, r, n.policy(), deciders, where.get());
            DeliveryException failed = d.attempt(() -> outbox.update(where.get(), copy.activityId(), card));
            if (failed != null && (failed.status() == 404 || failed.status() == 410)) {
                LOG.info("card {} in {} is gone from Teams; it is no longer updated", copy.activityId(),
                        copy.conversationId());
                store.dropCopy(copy.conversationId(), copy.activityId());
            }
        }
    }

    private ObjectNode draw(CardCopy copy, AccessRequest r, GroupPolicy p, List<String> deciders, Address where) {
        switch (copy.view()) {
            case CHANNEL:
                return RequestCards.approval(r, p, false, deciders, null);
            case STATUS:
                List<AccessRequest> open = queries.openRequestsOf(copy.viewerAccountId());
                return open.isEmpty() ? RequestCards.notice(Notice.good("You have no pending or active requests "
                        + "now. Send `request` to ask for access.")) : RequestCards.status(open, catalog::find, null);
            case VIEWER:
                return RequestCards.approval(r, p, false, List.of(), null);
            default:
                boolean mayDecide = !r.hasApprovalFrom(copy.viewerAccountId());
                List<String> refresh = Optional.ofNullable(where.aadObjectId()).map(List::of).orElse(List.of());
                return RequestCards.approval(r, p, mayDecide, mayDecide ? refresh : List.of(), null);
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
            store.addCopy(r.id(), chat.conversationId(), activity, approver.id(), CardView.APPROVER);
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
                    store.addCopy(r.id(), channel.conversationId(), activity, null, CardView.CHANNEL);
                }
            });
        }
    }

    private List<String> deciderAadIds(RequestNotice n) {
        return store.aadObjectIdsOf(n.approvers().stream().map(Account::id)
                .filter(id -> !n.request().hasApprovalFrom(id)).toList());
    }
}
