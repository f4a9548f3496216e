/** Maps a Teams user to their Active Directory account. */
package dev.jitgroups.bot.identity;
