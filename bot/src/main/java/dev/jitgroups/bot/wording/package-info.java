/** What people read: pure renderers from core's data (refusals) to Teams-safe sentences, without Spring or I/O. */
package dev.jitgroups.bot.wording;
