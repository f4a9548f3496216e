package dev.jitgroups.bot.teams;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bot settings ({@code jit.bot.*}).
 *
 * @param allowedTenants Entra tenant ids the bot talks to; empty means any (fine for a single-tenant app)
 */
@ConfigurationProperties("jit.bot")
record BotSettings(List<String> allowedTenants) {

    BotSettings {
        allowedTenants = allowedTenants == null ? List.of()
                : allowedTenants.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean allows(String tenantId) {
        return allowedTenants.isEmpty() || tenantId != null && allowedTenants.contains(tenantId.toLowerCase(Locale.ROOT));
    }
}
