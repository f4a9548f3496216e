package dev.jitgroups.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import dev.jitgroups.bot.notify.Address;
import dev.jitgroups.bot.notify.DeliveryException;
import dev.jitgroups.bot.notify.Rosters;
import dev.jitgroups.bot.notify.TeamMember;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rosters of teams and group chats, page by page ({@code GET /v3/conversations/{id}/pagedmembers}). The SDK's call
 * with a continuation token cannot work (Retrofit refuses a path parameter in the query string), so the pages are read
 * with the SDK client's own HTTP client: same allowed service URL, same bot token.
 */
@Component
class ConnectorRosters implements Rosters {

    static final int PAGE_SIZE = 500;
    /** A bound on what one roster read may cost: 200 pages of 500 members. */
    static final int MAX_PAGES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRosters.class);

    private final TeamsAdapter adapter;

    ConnectorRosters(TeamsAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public List<TeamMember> members(Address via, String rosterId) {
        List<TeamMember> members = new ArrayList<>();
        AtomicReference<String> token = new AtomicReference<>();
        int pages = 0;
        do {
            String from = token.getAndSet(null);
            ProactiveTurn.run(adapter, ProactiveTurn.reference(via), turn -> {
                JsonNode page = page(ProactiveTurn.connector(turn), rosterId, from);
                page.path("members").forEach(m -> members.add(member(m, via.tenantId())));
                String next = page.path("continuationToken").asText("");
                token.set(next.isBlank() ? null : next);
                return CompletableFuture.completedFuture(null);
            });
        } while (token.get() != null && ++pages < MAX_PAGES);
        if (token.get() != null) {
            LOG.warn("the roster of {} has more than {} pages; only the first {} members are known", rosterId,
                    MAX_PAGES, members.size());
        }
        return members;
    }

    private static JsonNode page(ConnectorClient client, String rosterId, String continuationToken) {
        HttpUrl.Builder url = HttpUrl.get(client.baseUrl()).newBuilder().addPathSegments("v3/conversations")
                .addPathSegment(rosterId).addPathSegment("pagedmembers")
                .addQueryParameter("pageSize", Integer.toString(PAGE_SIZE));
        if (continuationToken != null) {
            url.addQueryParameter("continuationToken", continuationToken);
        }
        Request request = new Request.Builder().url(url.build()).get().build();
        try (Response response = ((RestConnectorClient) client).getRestClient().httpClient().newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new DeliveryException("Bot Connector answered HTTP " + response.code() + " for the roster of "
                        + rosterId, ProactiveTurn.retryable(response.code()), response.code(), null);
            }
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new DeliveryException("Bot Connector unreachable for the roster of " + rosterId + ": " + e.getMessage(),
                    true, e);
        }
    }

    /** A roster entry; the Agents Playground spells the UPN userPrincipleName. */
    private static TeamMember member(JsonNode m, String tenantId) {
        String upn = m.path("userPrincipalName").asText(m.path("userPrincipleName").asText(null));
        return new TeamMember(m.path("id").asText(), m.path("aadObjectId").asText(null), upn,
                m.path("name").asText(null), tenantId);
    }
}
