/** Proactive messages: stored conversation references, card copies, channel subscriptions, the notification port. */
package dev.jitgroups.bot.notify;
