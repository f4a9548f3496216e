package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.DeliveryException;
import dev.jitgroups.bot.notify.Outbox;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** Proactive posts and card updates through the Bot Connector, from a stored conversation reference. */
@Component
class ConnectorOutbox implements Outbox {

    private static final long TIMEOUT_SECONDS = 30;

    private final TeamsAdapter adapter;

    ConnectorOutbox(TeamsAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public String post(Address to, Message message) {
        AtomicReference<String> id = new AtomicReference<>();
        run(to, turn -> turn.sendActivity(Activities.of(message)).thenAccept(r -> id.set(r == null ? null : r.getId())));
        return id.get();
    }

    @Override
    public void update(Address to, String activityId, ObjectNode card) {
        Activity activity = Activities.of(Message.card(card));
        activity.setId(activityId);
        run(to, turn -> turn.updateActivity(activity).thenApply(r -> null));
    }

    private void run(Address to, BotCallbackHandler callback) {
        ConversationReference reference;
        try {
            reference = Json.MAPPER.readValue(to.reference(), ConversationReference.class);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("stored conversation reference of " + to.conversationId() + " is unreadable",
                    false, e);
        }
        try {
            adapter.continueConversation(adapter.appId(), reference, callback).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new DeliveryException("Bot Connector: " + e.getCause().getMessage(), retryable(e.getCause()), e);
        } catch (TimeoutException e) {
            throw new DeliveryException("Bot Connector did not answer in " + TIMEOUT_SECONDS + "s", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, e);
        }
    }

    /** Network trouble, throttling and server errors are worth retrying; other refusals are not. */
    static boolean retryable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
            if (c instanceof RestException rest && rest.response() != null) {
                int code = rest.response().code();
                return code == 429 || code >= 500;
            }
        }
        return false;
    }
}
