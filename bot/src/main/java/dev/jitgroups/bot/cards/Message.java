package dev.jitgroups.bot.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Something the bot posts: markdown text, or an adaptive card.
 *
 * @param text markdown (user text in it already escaped); null for a card
 * @param card the adaptive card; null for text
 */
public record Message(String text, ObjectNode card) {

    public static Message text(String markdown) {
        return new Message(markdown, null);
    }

    public static Message card(ObjectNode card) {
        return new Message(null, card);
    }

    public boolean isCard() {
        return card != null;
    }
}
