package dev.jitgroups.core.workflow;

import static org.awaitility.Awaitility.await;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.testing.FakeDirectory;
import dev.jitgroups.core.testing.RecordingNotifications;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared plumbing of the workflow tests, which run against core with H2, db-scheduler and the fake directory. */
abstract class WorkflowTestSupport {

    @Autowired
    RequestingAccess requesting;
    @Autowired
    DecidingRequests deciding;
    @Autowired
    EndingAccess ending;
    @Autowired
    AccessRequestStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FakeDirectory fakeDirectory;
    @Autowired
    RecordingNotifications recordingNotifications;

    FakeDirectory directory() {
        return fakeDirectory;
    }

    RecordingNotifications notifications() {
        return recordingNotifications;
    }

    Account user(String sam) {
        return directory().find(sam);
    }

    AccessRequest submitted(Outcome outcome) {
        if (outcome instanceof Outcome.Done done) {
            return done.request();
        }
        throw new AssertionError("expected the request to be accepted, got: " + outcome);
    }

    AccessRequest awaitStatus(RequestId id, RequestStatus status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> store.find(id).orElseThrow().status() == status);
        return store.find(id).orElseThrow();
    }

    long auditCount(RequestId id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE request_id = ? AND action = ?")
                .params(id.toString(), action).query(Long.class).single();
    }

    static Outcome.Refused refused(Outcome outcome) {
        if (outcome instanceof Outcome.Refused r) {
            return r;
        }
        throw new AssertionError("expected a refusal, got: " + outcome);
    }
}
