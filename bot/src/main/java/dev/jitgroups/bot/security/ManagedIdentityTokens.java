package dev.jitgroups.bot.security;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.aad.msal4j.MsalException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tokens of a user-assigned managed identity through MSAL: the Azure host (App Service, Container Apps, a VM, AKS
 * with workload identity) hands them out; there is no secret to store or rotate.
 */
final class ManagedIdentityTokens implements BotTokens {

    private static final long TIMEOUT_SECONDS = 20;

    private final ManagedIdentityApplication app;
    private final String clientId;

    ManagedIdentityTokens(BotSettings settings) {
        this.clientId = settings.appId();
        this.app = ManagedIdentityApplication.builder(ManagedIdentityId.userAssignedClientId(clientId)).build();
    }

    /** The managed identity this bot uses (the app id of the Azure Bot). */
    String clientId() {
        return clientId;
    }

    @Override
    public String token(String resource) {
        String plain = resource.replaceAll("/\\.default$", "");
        try {
            return app.acquireTokenForManagedIdentity(ManagedIdentityParameters.builder(plain).build())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).accessToken();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof MsalException msal ? msal.errorCode() : cause.getClass().getSimpleName();
            throw new BotTokenException("the managed identity " + clientId + " gave the bot no token (" + why
                    + "); is it assigned to this host, and is MicrosoftAppId its client id?", cause);
        } catch (TimeoutException e) {
            throw new BotTokenException("the managed identity endpoint did not answer in " + TIMEOUT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotTokenException("interrupted while asking for a token", e);
        } catch (Exception e) {
            throw new BotTokenException("the managed identity " + clientId + " gave the bot no token ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
