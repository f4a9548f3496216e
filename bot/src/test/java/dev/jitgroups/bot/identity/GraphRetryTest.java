package dev.jitgroups.bot.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graph's throttling and outages through the SDK's retry handler, against a local server that records when each
 * request arrived: a Retry-After is waited for (at least that long; no upper bound is asserted), 503 and 504 are sent
 * again, a Retry-After longer than a chat turn can wait is reported at once as Graph being unavailable.
 */
class GraphRetryTest {

    static final String USER = "6b1f0a33-0000-4000-8000-00000000a11c";
    static final String GET_USER = "GET /v1.0/users/" + USER;
    static final String SID = "S-1-5-21-1111111111-2222222222-3333333333-1101";

    LocalGraph server;
    GraphClient graph;

    @BeforeEach
    void graph() throws IOException {
        server = new LocalGraph().route(GET_USER, "{\"id\":\"" + USER + "\",\"onPremisesSecurityIdentifier\":\"" + SID
                + "\"}").route("POST /v1.0/users/" + USER + "/checkMemberGroups", "{\"value\":[\"g1\"]}");
        graph = GraphClient.create(new GraphSettings("tenant", "client", "secret", null, null),
                LocalGraph.staticToken("graph-token"));
        // the SDK's own way to talk to another Graph endpoint; the token still goes to the configured host only
        graph.getRequestAdapter().setBaseUrl(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_429_is_sent_again_after_the_retry_after_it_names() {
        server.failNext(GET_USER, 1, 429, "2");

        assertThat(graph.onPremisesSid(USER)).contains(SID);

        List<LocalGraph.Request> tries = server.requestsTo(GET_USER);
        assertThat(tries).hasSize(2);
        assertThat(Duration.ofNanos(tries.get(1).arrivedNanos() - tries.get(0).arrivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_503_and_a_504_are_sent_again() {
        server.failNext(GET_USER, 1, 503, null).failNext(GET_USER, 1, 504, "1");

        assertThat(graph.onPremisesSid(USER)).contains(SID);

        assertThat(server.requestsTo(GET_USER)).hasSize(3);
    }

    @Test
    void a_post_is_sent_again_with_its_body() {
        server.failNext("POST /v1.0/users/" + USER + "/checkMemberGroups", 1, 503, "1");

        assertThat(graph.isMemberOf(USER, "g1")).isTrue();

        assertThat(server.requestsTo("POST /v1.0/users/" + USER + "/checkMemberGroups")).hasSize(2);
    }

    @Test
    void graph_still_down_after_the_retries_is_unavailable() {
        server.failNext(GET_USER, 5, 503, "1");

        assertThatThrownBy(() -> graph.onPremisesSid(USER)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.problem()).isEqualTo(GraphException.Problem.UNAVAILABLE);
            assertThat(e.status()).isEqualTo(503);
        });
        assertThat(server.requestsTo(GET_USER)).hasSize(3);
    }

    @Test
    void a_retry_after_longer_than_a_chat_turn_can_wait_is_reported_at_once() {
        server.failNext(GET_USER, 1, 429, "120");

        assertThatThrownBy(() -> graph.onPremisesSid(USER)).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 429", "120");
        });
        assertThat(server.requestsTo(GET_USER)).hasSize(1);
    }

    @Test
    void the_token_goes_only_to_the_configured_graph_host() {
        GraphClient elsewhere = GraphClient.create(new GraphSettings("tenant", "client", "secret", server.baseUrl(),
                null), LocalGraph.staticToken("graph-token"));

        graph.onPremisesSid(USER);
        elsewhere.onPremisesSid(USER);

        assertThat(server.requestsTo(GET_USER)).extracting(LocalGraph.Request::authorization)
                .containsExactly(null, "Bearer graph-token");
    }
}
