package dev.jitgroups.bot.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the bot may send its Bot Connector token: Teams' own service hosts (over HTTPS), whatever an activity says.
 * In local mode only loopback addresses (the Agents Playground). Host names are compared as written, never resolved,
 * so DNS cannot turn an allowed name into another address.
 */
public final class ServiceUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final List<String> hosts;
    private final boolean localMode;

    public ServiceUrls(BotSettings settings) {
        this(settings.serviceUrlHosts(), settings.localMode());
    }

    ServiceUrls(List<String> hosts, boolean localMode) {
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.localMode = localMode;
    }

    /** True when the bot may call this service URL. */
    public boolean allows(String serviceUrl) {
        if (serviceUrl == null || serviceUrl.length() > 500) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(serviceUrl.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null || host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            return false;
        }
        boolean loopback = isLoopback(host);
        if (localMode) {
            return loopback;
        }
        // plain HTTP only to a loopback host an operator listed on purpose (a test connector, a local relay)
        return hosts.contains(host) && (scheme.equals("https") || loopback);
    }

    /** A loopback host as written: {@code localhost}, {@code 127.x.y.z} or {@code [::1]}. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
