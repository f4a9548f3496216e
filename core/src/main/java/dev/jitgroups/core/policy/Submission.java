package dev.jitgroups.core.policy;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.request.AccessRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A new request with the facts its rules need, gathered before they run.
 *
 * @param asked the group key as typed
 * @param policy the group asked for, when it is managed
 * @param eligible every group the requester may request
 * @param duration asked for, or the group's default; null when the group is unknown
 * @param open the requester's requests still pending or approved
 * @param submittedInPeriod how many requests the requester submitted within {@code period}
 * @param limit how many are allowed within {@code period}
 */
public record Submission(Account requester, String asked, Optional<GroupPolicy> policy, List<GroupPolicy> eligible,
        Duration duration, String justification, String ticket, List<AccessRequest> open, int submittedInPeriod,
        int limit, Duration period) {

    public Submission {
        eligible = List.copyOf(eligible);
        open = List.copyOf(open);
    }
}
