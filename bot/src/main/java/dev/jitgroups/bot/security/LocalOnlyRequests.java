package dev.jitgroups.bot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Local mode has no authentication, so it must not be reachable from a web page either: the request must come from
 * loopback, be addressed to a loopback name ({@code Host}: a page that rebinds its DNS name to 127.0.0.1 still sends
 * its own name) and carry no foreign {@code Origin} (a cross-site post from a browser).
 */
final class LocalOnlyRequests extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            Refusals.log(request, refusal);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Local mode (no MicrosoftAppId) answers only local programs such as the "
                    + "Agents Playground on this machine.");
            return;
        }
        chain.doFilter(request, response);
    }

    static String refusal(HttpServletRequest request) {
        if (!ServiceUrls.isLoopback(request.getRemoteAddr()) && !"0:0:0:0:0:0:0:1".equals(request.getRemoteAddr())) {
            return "local mode: peer is not on loopback";
        }
        if (!ServiceUrls.isLoopback(hostOf(request.getHeader("Host")))) {
            return "local mode: Host is not a loopback name";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !ServiceUrls.isLoopback(originHost(origin))) {
            return "local mode: cross-site request";
        }
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return "local mode: cross-site request";
        }
        return null;
    }

    /** The host of a Host header ({@code name:port}, {@code [v6]:port}). */
    static String hostOf(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        String h = header.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? "" : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String originHost(String origin) {
        try {
            String host = new URI(origin.strip()).getHost();
            return host == null ? "" : host;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
