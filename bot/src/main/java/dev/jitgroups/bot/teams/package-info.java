/** The seam to the Bot Framework SDK: the /api/messages endpoint, the adapter, and sending to the Bot Connector. */
package dev.jitgroups.bot.teams;
