package dev.jitgroups.bot.security;

import com.azure.core.credential.TokenCredential;

/**
 * An Entra app registration that calls an API as itself (OAuth client credentials) with a client secret or a
 * certificate: the bot's own registration for the Bot Connector, and the one it calls Microsoft Graph as. Both get
 * their tokens the same way ({@link AppRegistrationTokens}, MSAL), and both read a certificate file with
 * {@link ClientCertificate}.
 *
 * @param settingsPrefix where these values are configured ({@code jit.bot}, {@code jit.graph}), for messages
 * @param keysToCheck what to check when the authority refuses, in the operator's words
 * @param authority the token authority with the tenant, such as {@code https://login.microsoftonline.com/<tenant>/}
 * @param certificateFile a PEM or PKCS#12 file; empty means the client secret is used
 */
public record AppCredential(String settingsPrefix, String keysToCheck, String authority, String clientId,
        String clientSecret, String certificateFile, String certificatePassword) {

    public AppCredential {
        clientSecret = clientSecret == null ? "" : clientSecret;
        certificateFile = certificateFile == null ? "" : certificateFile.strip();
    }

    /**
     * The credential in the shape the Microsoft Graph SDK (Azure Core's {@link TokenCredential}) asks it of; tokens are
     * cached by MSAL and renewed before they expire. A certificate file that cannot be read fails here, naming its key.
     */
    public TokenCredential tokenCredential() {
        return new MsalTokenCredential(new AppRegistrationTokens(this));
    }

    @Override
    public String toString() {
        return "AppCredential[" + settingsPrefix + ", authority=" + authority + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret.isEmpty() ? "(none)" : "(set)") + ", certificateFile="
                + certificateFile + ", certificatePassword=" + (certificatePassword == null
                || certificatePassword.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
