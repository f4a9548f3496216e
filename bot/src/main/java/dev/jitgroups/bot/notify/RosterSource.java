package dev.jitgroups.bot.notify;

/**
 * A roster the bot can read.
 *
 * @param id the team id, or the group chat's conversation id
 * @param via a stored conversation there, whose service URL is used
 */
record RosterSource(String id, Address via) {
}
