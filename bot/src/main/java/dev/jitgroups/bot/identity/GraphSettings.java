package dev.jitgroups.bot.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Microsoft Graph access ({@code jit.graph.*}), optional: without a client id the bot maps users by UPN only and
 * {@code entra-group:} references match nobody.
 *
 * @param baseUrl Graph's root, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param tokenUrl the token endpoint; empty means Entra's for the tenant
 */
@ConfigurationProperties("jit.graph")
public record GraphSettings(String tenantId, String clientId, String clientSecret, String baseUrl, String tokenUrl) {

    public GraphSettings {
        baseUrl = blank(baseUrl) ? "https://graph.microsoft.com/v1.0" : baseUrl.strip().replaceAll("/+$", "");
        tokenUrl = blank(tokenUrl) && !blank(tenantId)
                ? "https://login.microsoftonline.com/" + tenantId.strip() + "/oauth2/v2.0/token" : tokenUrl;
    }

    public boolean enabled() {
        return !blank(clientId);
    }

    /** Problems with the keys when Graph is enabled, each naming its key. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!enabled()) {
            return problems;
        }
        if (blank(tenantId) && blank(tokenUrl)) {
            problems.add("jit.graph.tenant-id: is missing; the Entra tenant id is needed when jit.graph.client-id is set");
        }
        if (blank(clientSecret)) {
            problems.add("jit.graph.client-secret: is missing; set it from a secret (environment JIT_GRAPH_CLIENTSECRET)");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "GraphSettings[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + (blank(clientSecret) ? "(none)" : "(set)") + ", baseUrl=" + baseUrl + "]";
    }
}
