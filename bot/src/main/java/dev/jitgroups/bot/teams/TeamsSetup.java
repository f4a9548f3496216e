package dev.jitgroups.bot.teams;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the Bot Framework adapter and refuses to run unauthenticated anywhere but on loopback. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotSettings.class)
class TeamsSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsSetup.class);

    @Bean
    TeamsAdapter teamsAdapter(Environment env, ObjectProvider<OutboundCredentials> outbound) {
        SpringBotConfiguration configuration = new SpringBotConfiguration(env);
        if (configuration.appId().isEmpty()) {
            requireLoopback(env.getProperty("server.address"));
            LOG.warn("\n*****************************************************************************\n"
                    + "* No MicrosoftAppId configured: /api/messages accepts UNAUTHENTICATED requests. *\n"
                    + "* Local mode only, bound to {}. Set MicrosoftAppId/Password for Teams. *\n"
                    + "*****************************************************************************",
                    env.getProperty("server.address"));
        }
        OutboundCredentials replaced = outbound.getIfAvailable();
        if (!configuration.appId().isEmpty() && replaced == null) {
            requirePassword(env.getProperty(SpringBotConfiguration.APP_PASSWORD));
        }
        return new TeamsAdapter(configuration, replaced);
    }

    /** With an app id the bot needs its secret to answer; say so at start-up, not at the first message. */
    static void requirePassword(String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("MicrosoftAppPassword: is missing; MicrosoftAppId is set, so the bot needs "
                    + "the Azure Bot registration's client secret (set it in the environment, not in application.yml)");
        }
    }

    /** Unauthenticated mode is allowed only when the server listens on a loopback address. */
    static void requireLoopback(String serverAddress) {
        String fix = " Set server.address=127.0.0.1 for local use, or configure MicrosoftAppId and "
                + "MicrosoftAppPassword (the Azure Bot registration) so that every request is authenticated.";
        if (serverAddress == null || serverAddress.isBlank()) {
            throw new IllegalStateException("No MicrosoftAppId is configured, so /api/messages would accept "
                    + "unauthenticated requests, and server.address is not set, so it would listen on every "
                    + "interface." + fix);
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(serverAddress.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalStateException("No MicrosoftAppId is configured, so /api/messages would accept "
                    + "unauthenticated requests, but server.address=" + serverAddress + " is not a loopback address."
                    + fix);
        }
    }
}
