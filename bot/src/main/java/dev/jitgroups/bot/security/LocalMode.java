package dev.jitgroups.bot.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Without an app id nothing is authenticated, so local mode is for one machine and the demo forest: the server must
 * listen on loopback only, and a real directory needs an explicit {@code jit.bot.allow-real-directory-in-local-mode}.
 */
final class LocalMode {

    private LocalMode() {
    }

    /** What stops this configuration from starting, each naming its key; empty when it may start. */
    static List<String> problems(BotSettings settings, Environment env) {
        List<String> problems = new ArrayList<>();
        if (!settings.localMode()) {
            return problems;
        }
        String fix = " Set server.address=127.0.0.1 for local use, or configure MicrosoftAppId (the Azure Bot "
                + "registration) so that every request is authenticated.";
        String address = env.getProperty("server.address");
        if (address == null || address.isBlank()) {
            problems.add("server.address: is not set, so the server would listen on every interface, and no "
                    + "MicrosoftAppId is configured, so /api/messages would accept unauthenticated requests." + fix);
        } else if (!isLoopback(address)) {
            problems.add("server.address: " + address + " is not a loopback address, and no MicrosoftAppId is "
                    + "configured, so /api/messages would accept unauthenticated requests from the network." + fix);
        }
        boolean realDirectory = !Binder.get(env).bind("jit.ldap.urls", Bindable.listOf(String.class))
                .orElse(List.of()).isEmpty();
        if (realDirectory && !settings.allowRealDirectoryInLocalMode()) {
            problems.add("jit.ldap.urls: local mode (no MicrosoftAppId) takes whatever name a local client claims, "
                    + "so it runs against the embedded demo directory only. Configure MicrosoftAppId for a real "
                    + "directory, or set jit.bot.allow-real-directory-in-local-mode=true for a test forest.");
        }
        return problems;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
