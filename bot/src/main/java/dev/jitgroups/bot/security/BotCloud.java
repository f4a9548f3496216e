package dev.jitgroups.bot.security;

import java.util.List;

/**
 * The Bot Framework endpoints of one Azure cloud. Every value can be overridden with a {@code jit.bot.*} key, for
 * clouds not listed here.
 */
public enum BotCloud {

    /** Commercial Azure, including Microsoft 365 GCC (moderate). */
    PUBLIC("https://login.botframework.com/v1/.well-known/openidconfiguration", "https://api.botframework.com",
            "https://login.microsoftonline.com/", "https://api.botframework.com",
            List.of("smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com"),
            "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"),
    /** Azure Government: Microsoft 365 GCC High and DoD. */
    US_GOV("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", "https://api.botframework.us",
            "https://login.microsoftonline.us/", "https://api.botframework.us",
            List.of("smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us"),
            "https://login.microsoftonline.us/common/v2.0/.well-known/openid-configuration");

    private final String openIdMetadata;
    private final String channelIssuer;
    private final String loginAuthority;
    private final String connectorScope;
    private final List<String> serviceUrlHosts;
    private final String entraOpenIdMetadata;

    BotCloud(String openIdMetadata, String channelIssuer, String loginAuthority, String connectorScope,
            List<String> serviceUrlHosts, String entraOpenIdMetadata) {
        this.openIdMetadata = openIdMetadata;
        this.channelIssuer = channelIssuer;
        this.loginAuthority = loginAuthority;
        this.connectorScope = connectorScope;
        this.serviceUrlHosts = serviceUrlHosts;
        this.entraOpenIdMetadata = entraOpenIdMetadata;
    }

    /** Where the Bot Framework channel publishes the keys its tokens are signed with. */
    String openIdMetadata() {
        return openIdMetadata;
    }

    /** The {@code iss} of tokens the Bot Framework channel (Teams) sends to bots. */
    String channelIssuer() {
        return channelIssuer;
    }

    /** Microsoft Entra ID's login host; a tenant id is appended for single-tenant apps. */
    String loginAuthority() {
        return loginAuthority;
    }

    /** The resource the bot asks a token for when it calls the Bot Connector. */
    String connectorScope() {
        return connectorScope;
    }

    /** Hosts of Teams' Bot Connector service; the bot sends its token nowhere else. */
    List<String> serviceUrlHosts() {
        return serviceUrlHosts;
    }

    /** Entra ID's keys, for tokens of other bots when {@code jit.bot.allowed-callers} names them. */
    String entraOpenIdMetadata() {
        return entraOpenIdMetadata;
    }
}
