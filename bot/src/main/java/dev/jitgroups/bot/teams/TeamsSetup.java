package dev.jitgroups.bot.teams;

import dev.jitgroups.bot.security.BotSettings;
import dev.jitgroups.bot.security.BotTokens;
import dev.jitgroups.bot.security.ServiceUrls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Bot Framework adapter to the bot's own tokens and the service URL allow-list. */
@Configuration(proxyBeanMethods = false)
class TeamsSetup {

    @Bean
    TeamsAdapter teamsAdapter(BotSettings settings, BotTokens tokens, ServiceUrls serviceUrls) {
        return new TeamsAdapter(settings, tokens, serviceUrls);
    }
}
