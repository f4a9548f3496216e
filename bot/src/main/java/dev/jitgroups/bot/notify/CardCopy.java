package dev.jitgroups.bot.notify;

import dev.jitgroups.bot.cards.CardView;

/**
 * One posted copy of a card that shows a request.
 *
 * @param viewerAccountId whose view: an approver's or a requester's AD account id; null for a channel copy
 */
record CardCopy(String conversationId, String activityId, String viewerAccountId, CardView view) {

    /** The key of the conversation reference to reach the copy through: the viewer's own in a 1:1 chat. */
    String accountKey() {
        return view == CardView.CHANNEL || viewerAccountId == null ? "" : viewerAccountId;
    }
}
