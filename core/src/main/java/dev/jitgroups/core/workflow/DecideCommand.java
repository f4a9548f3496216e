package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.request.RequestId;
import java.util.Objects;

/** An approver taps Approve or Deny. The approver is the account the tap came from, never what a card says. */
public record DecideCommand(RequestId request, Account approver, boolean approve, String comment) {

    public DecideCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(approver, "approver");
    }
}
