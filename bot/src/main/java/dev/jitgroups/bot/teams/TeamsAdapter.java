package dev.jitgroups.bot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import java.util.concurrent.CompletableFuture;

/** The Bot Framework adapter, with an optional replacement for outbound credentials. */
class TeamsAdapter extends BotFrameworkHttpAdapter {

    private final OutboundCredentials outbound;
    private final String appId;

    TeamsAdapter(SpringBotConfiguration configuration, OutboundCredentials outbound) {
        super(configuration);
        this.outbound = outbound;
        this.appId = configuration.appId();
    }

    String appId() {
        return appId;
    }

    boolean authenticationDisabled() {
        return appId.isEmpty();
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String forAppId, String scope) {
        if (outbound != null) {
            return CompletableFuture.completedFuture(outbound.credentials(forAppId, scope));
        }
        return super.buildAppCredentials(forAppId, scope);
    }
}
