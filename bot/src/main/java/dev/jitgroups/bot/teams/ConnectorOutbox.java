package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.schema.Activity;
import dev.jitgroups.bot.cards.Message;
import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.Outbox;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** Proactive posts and card updates through the Bot Connector, from a stored conversation reference. */
@Component
class ConnectorOutbox implements Outbox {

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
        ProactiveTurn.run(adapter, ProactiveTurn.reference(to), callback);
    }
}
