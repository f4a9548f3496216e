package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitgroups.core.request.RequestStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The directory goes away in the middle of the work: a tap is kept and counts once the directory is back, with no
 * second tap; messages meanwhile get a clear answer; nothing answers 5xx. Run against the embedded directory and a
 * Samba AD DC, each stopped and started again.
 */
abstract class DirectoryOutageScenario extends BotScenario {

    abstract TeamsPerson requester();

    abstract TeamsPerson approver();

    /** The managed group's key and its DN. */
    abstract String group();

    abstract String groupDn();

    abstract void stopDirectory() throws Exception;

    abstract void startDirectory() throws Exception;

    abstract boolean isMemberInTheDirectory() throws Exception;

    private boolean stopped;

    @AfterEach
    void directoryIsBack() throws Exception {
        if (stopped) {
            startDirectory();
            stopped = false;
        }
    }

    @Test
    void a_tap_during_an_outage_counts_when_the_directory_is_back_without_a_second_tap() throws Exception {
        say(approver(), "help");
        say(requester(), "request " + group() + " for 1h because directory outage drill ticket INC123456");
        String requestId = requestIdOf(awaitApprovalCard(approver(), "directory outage drill"));
        stop();

        JsonNode answer = tap(approver(), "approve", requestId);

        assertThat(answer.toString()).contains("Recorded", "checked against it as soon as it is reachable");
        assertThat(tap(approver(), "approve", requestId).toString()).contains("already recorded");
        // the requester is known from moments ago, so status comes from the database; a new request needs AD
        assertThat(say(requester(), "status")).singleElement().satisfies(s -> assertThat(s.card().toString())
                .contains("pending approval"));
        assertThat(textOf(say(requester(), "request " + group() + " for 1h because again"))).contains(
                "cannot be reached");
        assertThat(statusOf(requestId)).isEqualTo(RequestStatus.PENDING_APPROVAL);

        startDirectory();
        stopped = false;

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(this::isMemberInTheDirectory);
        awaitSent(requester().chatId(), s -> s.text().contains("effective in AD now"));
        awaitSent(approver().chatId(), s -> s.text().contains("now counts"));
        ending.deactivate(dev.jitgroups.core.request.RequestId.parse(requestId), account(requester()));
    }

    @Test
    void messages_and_taps_during_an_outage_never_answer_5xx() throws Exception {
        stop();

        for (String text : new String[] {"status", "groups", "pending", "request", "help"}) {
            HttpResponse<String> r = send(TeamsActivities.message(requester(), text, CONNECTOR.url()));
            assertThat(r.statusCode()).as(text).isBetween(200, 299);
        }
        HttpResponse<String> tap = send(TeamsActivities.execute(requester(), "refresh", FakeBotConnector.MAPPER
                .createObjectNode().put("requestId", java.util.UUID.randomUUID().toString()), CONNECTOR.url()));
        assertThat(tap.statusCode()).isEqualTo(200);
    }

    private void stop() throws Exception {
        stopDirectory();
        stopped = true;
    }

    private static String textOf(java.util.List<FakeBotConnector.Sent> replies) {
        return replies.stream().map(FakeBotConnector.Sent::text).reduce("", String::concat);
    }
}
