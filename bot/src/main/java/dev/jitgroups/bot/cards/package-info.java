/** Adaptive cards: JSON templates in resources, filled by a binder that inserts values as JSON. */
package dev.jitgroups.bot.cards;
