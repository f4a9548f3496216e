package dev.jitgroups.bot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;

/** Replaces the credentials the bot sends to the Bot Connector (tests use a fixed token, not Microsoft login). */
interface OutboundCredentials {

    AppCredentials credentials(String appId, String scope);
}
