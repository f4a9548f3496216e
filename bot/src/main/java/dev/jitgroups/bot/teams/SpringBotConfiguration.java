package dev.jitgroups.bot.teams;

import com.microsoft.bot.integration.Configuration;
import java.util.Properties;
import org.springframework.core.env.Environment;

/**
 * The SDK's configuration read from Spring's environment, so {@code MicrosoftAppId}, {@code MicrosoftAppPassword},
 * {@code ChannelService} and {@code BotOpenIdMetadata} come from application.yml, the environment or secrets like
 * every other setting (the SDK's own implementation reads only a classpath application.properties).
 */
final class SpringBotConfiguration implements Configuration {

    static final String APP_ID = "MicrosoftAppId";
    static final String APP_PASSWORD = "MicrosoftAppPassword";
    static final String OPENID_METADATA = "BotOpenIdMetadata";
    private static final String[] KEYS = {APP_ID, APP_PASSWORD, "ChannelService", OPENID_METADATA};

    private final Environment env;

    SpringBotConfiguration(Environment env) {
        this.env = env;
    }

    @Override
    public String getProperty(String key) {
        return env.getProperty(key);
    }

    @Override
    public Properties getProperties() {
        Properties p = new Properties();
        for (String key : KEYS) {
            String value = env.getProperty(key);
            if (value != null) {
                p.setProperty(key, value);
            }
        }
        return p;
    }

    @Override
    public String[] getProperties(String key) {
        String value = env.getProperty(key);
        return value == null ? null : value.split("\\s*,\\s*");
    }

    String appId() {
        return env.getProperty(APP_ID, "").strip();
    }
}
