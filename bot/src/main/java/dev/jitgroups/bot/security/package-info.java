/**
 * The bot's front door and its own identity: which Bot Framework tokens, service URLs and local requests are let in,
 * who may read the operator endpoints, and the tokens the bot presents to the Bot Connector (single-tenant app,
 * user-assigned managed identity, or a legacy multi-tenant app).
 */
package dev.jitgroups.bot.security;
