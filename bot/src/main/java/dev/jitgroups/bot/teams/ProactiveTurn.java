package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.ConversationReference;
import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.DeliveryException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A turn the bot starts itself on a stored conversation reference: the SDK builds the Bot Connector client for the
 * reference's service URL (through {@link TeamsAdapter}, so the allow-list and the bot's own token apply), and every
 * failure becomes a {@link DeliveryException} that says whether trying again later may help.
 */
final class ProactiveTurn {

    static final long TIMEOUT_SECONDS = 30;

    private ProactiveTurn() {
    }

    static ConversationReference reference(Address a) {
        try {
            return Json.MAPPER.readValue(a.reference(), ConversationReference.class);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("stored conversation reference of " + a.conversationId() + " is unreadable",
                    false, e);
        }
    }

    static void run(TeamsAdapter adapter, ConversationReference reference, BotCallbackHandler callback) {
        try {
            adapter.continueConversation(adapter.appId(), reference, callback).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof DeliveryException known) {
                    throw known; // ours, from inside the callback, already saying whether to retry
                }
            }
            throw new DeliveryException("Bot Connector: " + e.getCause().getMessage(), retryable(e.getCause()),
                    status(e.getCause()), e);
        } catch (TimeoutException e) {
            throw new DeliveryException("Bot Connector did not answer in " + TIMEOUT_SECONDS + "s", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, e);
        }
    }

    /** The Bot Connector client of this turn, for the calls the turn context does not offer. */
    static ConnectorClient connector(TurnContext turn) {
        return turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
    }

    /** Network trouble, throttling and server errors are worth retrying; other refusals are not. */
    static boolean retryable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
            if (c instanceof RestException rest && rest.response() != null) {
                return retryable(rest.response().code());
            }
        }
        return false;
    }

    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** The HTTP status the Bot Connector answered, 0 when it did not answer. */
    static int status(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RestException rest && rest.response() != null) {
                return rest.response().code();
            }
        }
        return 0;
    }
}
