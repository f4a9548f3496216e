/** What the bot says back: chat commands, card actions, and the refusals that say what to do next. */
package dev.jitgroups.bot.conversation;
