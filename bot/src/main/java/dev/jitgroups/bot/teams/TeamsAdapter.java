package dev.jitgroups.bot.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.GovernmentAuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import dev.jitgroups.bot.security.BotCloud;
import dev.jitgroups.bot.security.BotSettings;
import dev.jitgroups.bot.security.BotTokens;
import dev.jitgroups.bot.security.ServiceUrls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Bot Framework adapter without the SDK's authentication: inbound tokens are verified before an activity gets
 * here ({@code bot.security}); outbound calls carry the bot's own tokens ({@link BotTokens}) and go only to allowed
 * Bot Connector hosts, whatever a stored reference or an activity names. Every connector the SDK makes passes
 * through {@link #getOrCreateConnectorClient}, so that is where the service URL is checked, and its cache is
 * bounded.
 */
class TeamsAdapter extends BotFrameworkAdapter {

    private static final int MAX_CONNECTORS = 32;

    private final String appId;
    private final BotTokens tokens;
    private final ServiceUrls serviceUrls;
    private final Map<String, ConnectorClient> connectors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ConnectorClient> eldest) {
            return size() > MAX_CONNECTORS;
        }
    };

    TeamsAdapter(BotSettings settings, BotTokens tokens, ServiceUrls serviceUrls) {
        super(new SimpleCredentialProvider(settings.appId(), ""), new AuthenticationConfiguration(),
                settings.cloud() == BotCloud.US_GOV ? new SimpleChannelProvider(GovernmentAuthenticationConstants
                        .CHANNELSERVICE) : null, null, null);
        this.appId = settings.appId();
        this.tokens = tokens;
        this.serviceUrls = serviceUrls;
    }

    String appId() {
        return appId;
    }

    boolean authenticationDisabled() {
        return appId.isEmpty();
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String forAppId, String scope) {
        if (appId.isEmpty()) {
            return CompletableFuture.completedFuture(MicrosoftAppCredentials.empty());
        }
        return CompletableFuture.completedFuture(new TokenCredentials(forAppId, scope, tokens));
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
            AppCredentials credentials) {
        if (!serviceUrls.allows(serviceUrl)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the service URL is not one of "
                    + "jit.bot.service-url-hosts; the bot sends its token nowhere else"));
        }
        AppCredentials using = credentials != null ? credentials : MicrosoftAppCredentials.empty();
        String key = serviceUrl + "|" + using.getAppId() + "|" + using.oAuthScope();
        synchronized (connectors) {
            ConnectorClient client = connectors.get(key);
            if (client == null) {
                client = new RestConnectorClient(serviceUrl, using);
                connectors.put(key, client);
            }
            return CompletableFuture.completedFuture(client);
        }
    }

    /** The bot's own token, from {@link BotTokens}, on every call to the Bot Connector. */
    private static final class TokenCredentials extends AppCredentials {

        private final BotTokens tokens;

        TokenCredentials(String appId, String scope, BotTokens tokens) {
            super(null, scope);
            setAppId(appId);
            this.tokens = tokens;
        }

        @Override
        public CompletableFuture<String> getToken() {
            try {
                return CompletableFuture.completedFuture(tokens.token(oAuthScope()));
            } catch (BotTokens.BotTokenException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        protected com.microsoft.bot.connector.authentication.Authenticator buildAuthenticator() {
            throw new UnsupportedOperationException("tokens come from BotTokens");
        }
    }
}
