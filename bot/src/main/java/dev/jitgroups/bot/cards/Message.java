package dev.jitgroups.bot.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitgroups.core.request.RequestId;
import java.util.ArrayList;
import java.util.List;

/**
 * Something the bot posts: markdown text, or an adaptive card. A card that shows requests says which ({@link #shows}),
 * so that the posted copy is kept and drawn again on every change.
 *
 * @param text markdown (user text in it already escaped); null for a card
 * @param card the adaptive card; null for text
 * @param shows the requests the card shows, and for whom; empty for text
 */
public record Message(String text, ObjectNode card, List<Shown> shows) {

    /**
     * A request on a card, and the view it is drawn in.
     *
     * @param viewerAccountId whose view (an approver's or the requester's AD account id); null for a channel
     */
    public record Shown(RequestId request, CardView view, String viewerAccountId) {
    }

    public Message {
        shows = List.copyOf(shows);
    }

    public static Message text(String markdown) {
        return new Message(markdown, null, List.of());
    }

    public static Message card(ObjectNode card) {
        return new Message(null, card, List.of());
    }

    /** The same card, kept as a copy of the request in this view. */
    public Message showing(RequestId request, CardView view, String viewerAccountId) {
        List<Shown> all = new ArrayList<>(shows);
        all.add(new Shown(request, view, viewerAccountId));
        return new Message(text, card, all);
    }

    public boolean isCard() {
        return card != null;
    }
}
