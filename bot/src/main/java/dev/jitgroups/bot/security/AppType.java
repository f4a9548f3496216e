package dev.jitgroups.bot.security;

/**
 * How the Azure Bot registration proves the bot's identity ({@code MicrosoftAppType}). Since 2025-07-31 Azure
 * creates only single-tenant and user-assigned managed identity bots; multi-tenant is kept for older registrations.
 */
public enum AppType {

    /** An app registration in the organisation's own tenant, with a client secret or a certificate. */
    SINGLE_TENANT,
    /** A user-assigned managed identity; {@code MicrosoftAppId} is its client id. No secret at all. */
    USER_ASSIGNED_MSI,
    /** Legacy multi-tenant app registration: tokens from the botframework.com tenant. */
    MULTI_TENANT
}
