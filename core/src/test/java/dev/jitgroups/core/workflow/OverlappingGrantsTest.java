package dev.jitgroups.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.CoreTestApplication;
import dev.jitgroups.core.testing.FakeDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = CoreTestApplication.class)
class OverlappingGrantsTest extends WorkflowTestSupport {

    @Test
    void first_expiry_keeps_membership_that_a_second_grant_still_covers() {
        AccessRequest shortGrant = submitted(requesting.submit(new SubmitCommand(user("alice"), "server-admins",
                Duration.ofSeconds(2), null, null)));
        deciding.decide(new DecideCommand(shortGrant.id(), user("carol"), true, null));
        awaitStatus(shortGrant.id(), RequestStatus.ACTIVE);

        AccessRequest longGrant = submitted(requesting.submit(new SubmitCommand(user("alice"), "server-admins",
                Duration.ofSeconds(8), null, null)));
        deciding.decide(new DecideCommand(longGrant.id(), user("dave"), true, null));
        awaitStatus(longGrant.id(), RequestStatus.ACTIVE);

        awaitStatus(shortGrant.id(), RequestStatus.EXPIRED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> auditCount(shortGrant.id(), "directory.member-kept") == 1);
        assertThat(directory().isDirectMember(user("alice"), FakeDirectory.SERVERS)).isTrue();
        assertThat(auditCount(shortGrant.id(), "directory.member-removed")).isZero();

        awaitStatus(longGrant.id(), RequestStatus.EXPIRED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !directory().isDirectMember(user("alice"), FakeDirectory.SERVERS));
        assertThat(auditCount(longGrant.id(), "directory.member-removed")).isEqualTo(1);
    }
}
