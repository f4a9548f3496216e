package dev.jitgroups.bot.security;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

/**
 * An app registration's tokens as Azure Core's {@link TokenCredential}, which the Microsoft Graph SDK's
 * authentication provider asks before each request. Azure Identity's ClientSecretCredential and
 * ClientCertificateCredential do the same over MSAL; this one reuses the bot's MSAL client instead, so it needs no
 * HTTP stack of Azure Core's own. Failures are {@link BotTokens.BotTokenException}s.
 */
final class MsalTokenCredential implements TokenCredential {

    private final AppRegistrationTokens tokens;

    MsalTokenCredential(AppRegistrationTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        if (request.getScopes().size() != 1) {
            // client credentials grant one resource's ".default" scope at a time
            throw new IllegalArgumentException("expected one scope, got " + request.getScopes());
        }
        return tokens.accessToken(request.getScopes().get(0));
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public String toString() {
        return "MsalTokenCredential[" + tokens + "]";
    }
}
