package dev.jitgroups.bot.security;

import com.azure.core.credential.AccessToken;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tokens of an app registration (single-tenant, or legacy multi-tenant) from Microsoft Entra ID through MSAL, with a
 * client secret or a certificate: the bot's own, and Graph's. MSAL caches each token and renews it before it expires.
 */
final class AppRegistrationTokens implements BotTokens {

    private static final long TIMEOUT_SECONDS = 20;

    private final ConfidentialClientApplication app;
    private final AppCredential credential;

    AppRegistrationTokens(BotSettings settings) {
        this(settings.appCredential());
    }

    AppRegistrationTokens(AppCredential credential) {
        this.credential = credential;
        String authority = credential.authority();
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(credential.clientId(), clientCredential(credential)).authority(authority).sendX5c(true);
            if (!authority.startsWith(BotCloud.PUBLIC.loginAuthority())
                    && !authority.startsWith(BotCloud.US_GOV.loginAuthority())) {
                // a private or test authority: MSAL's instance discovery only knows Microsoft's own hosts
                builder.instanceDiscovery(false);
            }
            this.app = builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("the token authority " + authority + " (" + credential.settingsPrefix()
                    + ".*) is not usable (" + e.getMessage() + ")", e);
        }
    }

    private static IClientCredential clientCredential(AppCredential credential) {
        if (credential.certificateFile().isEmpty()) {
            return ClientCredentialFactory.createFromSecret(credential.clientSecret());
        }
        ClientCertificate certificate = ClientCertificate.load(credential.settingsPrefix() + ".certificate-file",
                Path.of(credential.certificateFile()), credential.certificatePassword());
        return ClientCredentialFactory.createFromCertificateChain(certificate.key(), certificate.chain());
    }

    @Override
    public String token(String resource) {
        return acquire(resource).accessToken();
    }

    /** The token with its expiry, for the Graph SDK's credential interface. */
    AccessToken accessToken(String resource) {
        IAuthenticationResult result = acquire(resource);
        return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant().atOffset(ZoneOffset.UTC));
    }

    private IAuthenticationResult acquire(String resource) {
        String scope = resource.endsWith("/.default") ? resource : resource.replaceAll("/+$", "") + "/.default";
        String authority = credential.authority();
        try {
            return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof MsalException msal ? msal.errorCode() : cause.getClass().getSimpleName();
            throw new BotTokenException("the token authority " + authority + " gave no token to " + credential.clientId()
                    + " (" + why + "); check " + credential.keysToCheck(), cause);
        } catch (TimeoutException e) {
            throw new BotTokenException("the token authority " + authority + " did not answer in " + TIMEOUT_SECONDS
                    + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotTokenException("interrupted while asking for a token", e);
        }
    }

    @Override
    public String toString() {
        return "AppRegistrationTokens[" + credential + "]";
    }
}
