package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries of one notice, each on its own so that one unreachable chat does not silence the others; the first
 * failure worth retrying is rethrown at the end, so that the notice job runs again.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** request, kind and version of the notice; null for drift reports (not deduplicated). */
    private final String noticeKey;
    private final ConversationStore store;
    private final Outbox outbox;
    private DeliveryException retryable;

    Delivery(String noticeKey, ConversationStore store, Outbox outbox) {
        this.noticeKey = noticeKey;
        this.store = store;
        this.outbox = outbox;
    }

    void run(Runnable send) {
        attempt(send);
    }

    /** Runs one delivery: null when it went through, else its failure (remembered when worth retrying). */
    DeliveryException attempt(Runnable send) {
        try {
            send.run();
            return null;
        } catch (DeliveryException e) {
            failed(e);
            LOG.warn("Teams delivery failed ({}): {}", e.retryable() ? "will retry" : "permanent", e.getMessage());
            return e;
        }
    }

    /** A failure met outside {@link #attempt}: the notice job runs again when it is worth retrying. */
    void failed(DeliveryException e) {
        if (e.retryable() && retryable == null) {
            retryable = e;
        }
    }

    /** Posts unless this notice was already posted there (a retried job after a partial failure). */
    String once(Address to, Message message) {
        if (noticeKey != null && store.delivered(noticeKey, to.conversationId())) {
            return null;
        }
        String activity = outbox.post(to, message);
        if (noticeKey != null) {
            store.markDelivered(noticeKey, to.conversationId());
        }
        return activity;
    }

    void rethrowIfRetryable() {
        if (retryable != null) {
            throw retryable;
        }
    }
}
