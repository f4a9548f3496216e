package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.DriftNotice;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notices core sends that the flows above do not reach: a directory failure and drift. */
class NotificationsTest extends BotScenario {

    static final String SECURITY_CHANNEL = "19:security-feed@thread.tacv2";

    @Autowired
    NotificationPort notifications;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void a_failed_request_tells_the_requester_the_directorys_reason_and_what_to_do() {
        say(TeamsPerson.ALICE, "help");
        Account alice = directory.findUser(TeamsPerson.ALICE.upn()).orElseThrow();
        GroupPolicy tier0 = catalog.find("tier0-admins").orElseThrow();
        AccessRequest failed = AccessRequest.submit(RequestId.random(), tier0.name(), alice, Duration.ofHours(1),
                "failing on purpose", null, false, false, Instant.now())
                .fail("insufficient access rights on CN=JIT Tier0 Admins (protected by AdminSDHolder)", Instant.now());

        notifications.requestChanged(new RequestNotice(NoticeKind.FAILED, failed, tier0, List.of(), ""));

        assertThat(CONNECTOR.sentTo(TeamsPerson.ALICE.chatId())).anySatisfy(s -> assertThat(s.text())
                .contains("could not be applied", "AdminSDHolder", "Nothing was changed"));
    }

    @Test
    void drift_reaches_the_subscribed_channel() {
        post(TeamsActivities.channelMessage(TeamsPerson.FRANK, SECURITY_CHANNEL, "subscribe server-admins",
                CONNECTOR.url()), null);
        GroupPolicy servers = catalog.find("server-admins").orElseThrow();

        notifications.drift(new DriftNotice(servers, List.of("CN=Mallory Moss,OU=People,DC=corp,DC=example"), true));

        assertThat(CONNECTOR.sentTo(SECURITY_CHANNEL)).anySatisfy(s -> assertThat(s.text())
                .contains("Drift in **JIT Server Admins**", "1 member without a grant was removed", "Mallory Moss"));
    }
}
