package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.jitgroups.bot.notify.ConversationStore;
import dev.jitgroups.bot.security.FakeTokenAuthority;
import dev.jitgroups.core.directory.Account;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Only tokens the Bot Framework channel issued for this bot get in. Every other token is a 401 that changes
 * nothing: no conversation stored, no request made, and not one call to the service URL the activity names (a
 * stand-in for an attacker's server, on a host the bot would otherwise accept).
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenMatrixTest extends AuthenticatedScenario {

    static final FakeBotConnector ATTACKER = FakeBotConnector.another("127.0.0.1");
    static final String OTHER_TENANT = "99999999-0000-0000-0000-000000000000";

    @Autowired
    ConversationStore conversations;

    @BeforeEach
    void forgetEarlierCalls() {
        ATTACKER.clear();
    }

    @AfterAll
    static void stopAttacker() {
        ATTACKER.stop();
    }

    static Stream<Arguments> refusedTokens() {
        String attacker = ATTACKER.url();
        Instant now = Instant.now();
        Function<JWTClaimsSet.Builder, JWTClaimsSet> build = JWTClaimsSet.Builder::build;
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("garbage", "Bearer not.a.jwt"),
                Arguments.of("another bot's Entra token (bot-to-bot)", TestKeys.bearer(TestKeys.ENTRA,
                        TestKeys.otherBotClaims(TeamsActivities.TENANT, APP_ID, "99999999-aaaa-bbbb-cccc-000000000001")
                        .build())),
                Arguments.of("emulator token", TestKeys.bearer(TestKeys.ENTRA, new JWTClaimsSet.Builder()
                        .issuer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/").audience(APP_ID)
                        .claim("appid", APP_ID).claim("ver", "1.0").claim("serviceurl", attacker)
                        .notBeforeTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plusSeconds(600)))
                        .build())),
                Arguments.of("wrong audience", TestKeys.token(TestKeys.TRUSTED, "22222222-0000-0000-0000-000000000000",
                        attacker)),
                Arguments.of("wrong issuer", TestKeys.bearer(TestKeys.TRUSTED, TestKeys.channelClaims(APP_ID, attacker)
                        .issuer("https://api.botframework.example").build())),
                Arguments.of("unknown key", TestKeys.token(TestKeys.UNKNOWN_KID, APP_ID, attacker)),
                Arguments.of("foreign key with a known key id", TestKeys.token(TestKeys.FOREIGN, APP_ID, attacker)),
                Arguments.of("channel key that does not endorse Teams", TestKeys.token(TestKeys.NOT_ENDORSING_TEAMS,
                        APP_ID, attacker)),
                Arguments.of("alg none", TestKeys.unsigned(build.apply(TestKeys.channelClaims(APP_ID, attacker)))),
                Arguments.of("expired", TestKeys.bearer(TestKeys.TRUSTED, TestKeys.channelClaims(APP_ID, attacker)
                        .notBeforeTime(Date.from(now.minusSeconds(3600)))
                        .expirationTime(Date.from(now.minusSeconds(600))).build())),
                Arguments.of("not valid yet", TestKeys.bearer(TestKeys.TRUSTED, TestKeys.channelClaims(APP_ID, attacker)
                        .notBeforeTime(Date.from(now.plusSeconds(900))).build())),
                Arguments.of("no exp", TestKeys.bearer(TestKeys.TRUSTED, TestKeys.channelClaims(APP_ID, attacker)
                        .expirationTime(null).build())),
                Arguments.of("no nbf", TestKeys.bearer(TestKeys.TRUSTED, TestKeys.channelClaims(APP_ID, attacker)
                        .notBeforeTime(null).build())),
                Arguments.of("serviceurl claim names another service", TestKeys.token(TestKeys.TRUSTED, APP_ID,
                        CONNECTOR.url())),
                Arguments.of("no serviceurl claim", TestKeys.bearer(TestKeys.TRUSTED, TestKeys.channelClaims(APP_ID,
                        attacker).claim("serviceurl", null).build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void a_token_that_is_not_the_channels_for_this_bot_is_401_and_changes_nothing(String what, String authorization) {
        assertRefusedAndNothingChanged(forgedRequest(), authorization);
    }

    @Test
    void a_valid_channel_token_from_a_tenant_not_allowed_is_401_and_changes_nothing() {
        ObjectNode activity = forgedRequest();
        activity.with("conversation").put("tenantId", OTHER_TENANT);
        activity.with("channelData").with("tenant").put("id", OTHER_TENANT);

        assertRefusedAndNothingChanged(activity, TestKeys.token(TestKeys.TRUSTED, APP_ID, ATTACKER.url()));
    }

    @Test
    void tenants_that_disagree_inside_one_activity_are_401() {
        ObjectNode activity = forgedRequest();
        activity.with("channelData").with("tenant").put("id", OTHER_TENANT);

        assertRefusedAndNothingChanged(activity, TestKeys.token(TestKeys.TRUSTED, APP_ID, ATTACKER.url()));
    }

    @Test
    void a_service_url_outside_the_allowed_hosts_is_refused_before_any_call_to_it() {
        FakeBotConnector elsewhere = FakeBotConnector.another("127.0.0.2");
        try {
            ObjectNode activity = TeamsActivities.message(chat("elsewhere"), "help", elsewhere.url());

            HttpResponse<String> r = post(activity, TestKeys.token(TestKeys.TRUSTED, APP_ID, elsewhere.url()));

            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(elsewhere.requests()).isEmpty();
            assertThat(conversations.find(activity.path("conversation").path("id").asText())).isEmpty();
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void a_valid_token_is_accepted_and_the_reply_carries_a_token_from_the_tenants_own_authority(
            CapturedOutput output) {
        TeamsPerson alice = chat("accepted");

        HttpResponse<String> r = send(TeamsActivities.message(alice, "help", CONNECTOR.url()));

        assertThat(r.statusCode()).isBetween(200, 202);
        FakeBotConnector.Sent reply = CONNECTOR.sentTo(alice.chatId()).get(0);
        assertThat(reply.text()).contains("`request`");
        FakeTokenAuthority.TokenRequest asked = AUTHORITY.requests().stream().filter(t -> reply.authorization()
                .equals("Bearer " + t.token())).findFirst().orElseThrow();
        assertThat(asked.path()).isEqualTo("/" + TeamsActivities.TENANT + "/oauth2/v2.0/token");
        assertThat(asked.form()).containsEntry("client_id", APP_ID).containsEntry("client_secret", APP_SECRET)
                .containsEntry("grant_type", "client_credentials");
        assertThat(asked.form().get("scope").split(" ")).contains("https://api.botframework.com/.default");
        assertThat(output.getAll()).doesNotContain(APP_SECRET);
    }

    @Test
    void an_undecodable_token_cannot_write_its_own_lines_into_the_log(CapturedOutput output) {
        String forged = TestKeys.forgedPayload("x\n2026-11-30T20:00:00.000Z  INFO 1 --- [main] forged: approved by admin");

        assertRefusedAndNothingChanged(forgedRequest(), forged);

        assertThat(output.getAll()).contains("refused POST /api/messages from 127.0.0.1: token not a signed JWT")
                .doesNotContain("forged: approved by admin");
    }

    @Test
    void an_invoke_the_bot_does_not_handle_is_acknowledged_not_a_server_error() {
        ObjectNode invoke = TeamsActivities.execute(chat("invoke"), "x", FakeBotConnector.MAPPER.createObjectNode(),
                CONNECTOR.url());
        invoke.put("name", "task/fetch");

        HttpResponse<String> r = send(invoke);

        assertThat(r.statusCode()).isEqualTo(200);
    }

    private ObjectNode forgedRequest() {
        return TeamsActivities.message(chat("forged"), "request tier0-admins for 1h because forged", ATTACKER.url());
    }

    private void assertRefusedAndNothingChanged(ObjectNode activity, String authorization) {
        Account alice = directory.findUser(TeamsPerson.ALICE.upn()).orElseThrow();
        int openBefore = queries.openRequestsOf(alice).size();

        HttpResponse<String> r = post(activity, authorization);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEmpty();
        assertThat(ATTACKER.requests()).isEmpty();
        assertThat(conversations.find(activity.path("conversation").path("id").asText())).isEmpty();
        assertThat(queries.openRequestsOf(alice)).hasSize(openBefore);
    }

    private static TeamsPerson chat(String what) {
        TeamsPerson a = TeamsPerson.ALICE;
        return new TeamsPerson(a.userId(), a.aadObjectId(), a.upn(), a.name(), "a:" + what + "-" + System.nanoTime());
    }
}
