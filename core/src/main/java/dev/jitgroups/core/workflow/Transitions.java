package dev.jitgroups.core.workflow;

import dev.jitgroups.core.audit.AuditEntry;
import dev.jitgroups.core.audit.AuditLog;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a stored request changes. In a single transaction: read the request, let the caller decide
 * (refuse, leave it, or change it), write the change as a compare-and-set on the version read, append its
 * audit event and queue its jobs and notices. When another writer won the race, read again and decide
 * again, so that concurrent or repeated taps yield exactly one transition and every loser gets a reason.
 */
@Component
public class Transitions {

    static final int MAX_ATTEMPTS = 25;

    private final AccessRequestStore store;
    private final AuditLog audit;
    private final JobQueue jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Transitions(AccessRequestStore store, AuditLog audit, JobQueue jobs, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the caller decided about the request as read. */
    public sealed interface Step {
    }

    /** Refuse: nothing changes; the refusal is audited (when an actor is named) and returned. */
    public record Refuse(String actor, String action, Refusal refusal) implements Step {
    }

    /** Leave the request as it is (a job finding its work already done). */
    public record Keep() implements Step {
    }

    /** Write the changed request, then audit, queue jobs and notices. */
    public static final class Change implements Step {
        final AccessRequest changed;
        final String actor;
        final String action;
        final String detail;
        final List<JobRequest> jobsToQueue = new ArrayList<>();
        final List<NoticeKind> notices = new ArrayList<>();
        String noticeDetail = "";

        public Change(AccessRequest changed, String actor, String action, String detail) {
            this.changed = changed;
            this.actor = actor;
            this.action = action;
            this.detail = detail;
        }

        public Change job(JobKind kind, Instant at) {
            jobsToQueue.add(new JobRequest(kind, at, false));
            return this;
        }

        public Change rescheduleJob(JobKind kind, Instant at) {
            jobsToQueue.add(new JobRequest(kind, at, true));
            return this;
        }

        public Change notice(NoticeKind kind) {
            notices.add(kind);
            return this;
        }

        public Change noticeDetail(String text) {
            this.noticeDetail = text;
            return this;
        }
    }

    record JobRequest(JobKind kind, Instant at, boolean reschedule) {
    }

    /** Runs {@code decide} against the stored request until its outcome is written without a lost race. */
    public Outcome run(RequestId id, Function<AccessRequest, Step> decide) {
        return run(id, Optional.empty(), decide);
    }

    /**
     * As {@link #run(RequestId, Function)}, first locking the grants of the request's user and group
     * (for jobs that change directory membership inside {@code decide}).
     */
    public Outcome runLockingGrants(RequestId id, Function<AccessRequest, Step> decide) {
        return run(id, Optional.of(Boolean.TRUE), decide);
    }

    private Outcome run(RequestId id, Optional<Boolean> lockGrants, Function<AccessRequest, Step> decide) {
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<Outcome> outcome = tx.execute(status -> attempt(id, lockGrants.isPresent(), decide));
                if (outcome != null && outcome.isPresent()) {
                    return outcome.get();
                }
            } catch (ConcurrencyFailureException lockConflict) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw lockConflict;
                }
                continue;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new ConcurrencyFailureException("request " + id + " kept changing under " + MAX_ATTEMPTS
                        + " attempts");
            }
        }
    }

    /** One attempt; empty when the compare-and-set lost and the caller must decide again. */
    private Optional<Outcome> attempt(RequestId id, boolean lockGrants, Function<AccessRequest, Step> decide) {
        Optional<AccessRequest> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.of(Outcome.refused(new Refusal.RequestNotFound()));
        }
        if (lockGrants) {
            store.lockGrantsOf(found.get().requester().id(), found.get().groupName());
            found = store.find(id);
        }
        AccessRequest current = found.orElseThrow();
        Step step = decide.apply(current);
        if (step instanceof Keep) {
            return Optional.of(new Outcome.Done(current));
        }
        if (step instanceof Refuse refuse) {
            if (refuse.actor() != null) {
                audit.append(new AuditEntry(clock.instant(), refuse.actor(), refuse.action(), id.toString(),
                        current.groupName(), current.requester().userPrincipalName(), "refused",
                        refuse.refusal().audit()));
            }
            return Optional.of(Outcome.refused(refuse.refusal()));
        }
        Change change = (Change) step;
        Optional<AccessRequest> written = store.compareAndSet(change.changed);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        AccessRequest stored = written.get();
        audit.append(new AuditEntry(clock.instant(), change.actor, change.action, id.toString(), stored.groupName(),
                stored.requester().userPrincipalName(), "ok", change.detail));
        queue(change, stored);
        return Optional.of(new Outcome.Done(stored));
    }

    /** Inserts a new request with its audit event, jobs and notices in one transaction. */
    public AccessRequest insert(Change change) {
        return tx.execute(status -> {
            AccessRequest stored = store.insert(change.changed);
            audit.append(new AuditEntry(clock.instant(), change.actor, change.action, stored.id().toString(),
                    stored.groupName(), stored.requester().userPrincipalName(), "ok", change.detail));
            queue(change, stored);
            return stored;
        });
    }

    private void queue(Change change, AccessRequest stored) {
        for (JobRequest j : change.jobsToQueue) {
            if (j.reschedule()) {
                jobs.reschedule(j.kind(), stored.id(), j.at());
            } else {
                jobs.schedule(j.kind(), stored.id(), j.at());
            }
        }
        for (NoticeKind kind : change.notices) {
            jobs.notify(kind, stored, change.noticeDetail);
        }
    }
}
