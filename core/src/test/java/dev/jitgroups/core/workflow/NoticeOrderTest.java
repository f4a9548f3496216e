package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.testing.CoreTestApplication;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The notices of one request go out in the order of its transitions, however slow the first is to deliver. */
@SpringBootTest(classes = CoreTestApplication.class)
class NoticeOrderTest extends WorkflowTestSupport {

    @AfterEach
    void deliveriesFastAgain() {
        notifications().clearDelays();
    }

    @Test
    void approved_reaches_people_before_effective_even_when_its_delivery_is_slow() {
        notifications().delay(NoticeKind.APPROVED, Duration.ofSeconds(1));

        AccessRequest r = submitted(requesting.submit(new SubmitCommand(user("bob"), "helpdesk", Duration.ofSeconds(20),
                null, null)));

        await().atMost(Duration.ofSeconds(15)).until(() -> notifications().kindsFor(r.id()).contains(NoticeKind.EFFECTIVE));
        assertThat(notifications().kindsFor(r.id())).containsSubsequence(NoticeKind.APPROVED, NoticeKind.EFFECTIVE);
        ending.deactivate(r.id(), user("bob"));
    }
}
