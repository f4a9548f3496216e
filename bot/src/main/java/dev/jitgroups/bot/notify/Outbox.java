package dev.jitgroups.bot.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.bot.cards.Message;

/** Posts into Teams conversations (implemented over the Bot Connector). */
public interface Outbox {

    /**
     * Posts a message.
     *
     * @return the id of the new activity, to update it later
     * @throws DeliveryException when the Bot Connector refused or could not be reached
     */
    String post(Address to, Message message);

    /** Replaces a posted card. */
    void update(Address to, String activityId, ObjectNode card);
}
