package dev.jitgroups.bot.notify;

/**
 * One posted copy of a request's approval card.
 *
 * @param viewerAccountId the approver it was sent to 1:1, or null for a channel copy
 */
record CardCopy(String conversationId, String activityId, String viewerAccountId) {
}
