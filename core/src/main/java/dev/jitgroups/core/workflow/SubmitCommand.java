package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import java.time.Duration;
import java.util.Objects;

/**
 * A user asks for membership of a managed group.
 *
 * @param duration how long; null means the group's default duration
 */
public record SubmitCommand(Account requester, String group, Duration duration, String justification, String ticket) {

    public SubmitCommand {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(group, "group");
    }
}
