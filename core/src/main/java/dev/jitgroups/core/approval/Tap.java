package dev.jitgroups.core.approval;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.refusal.Refusal;
import dev.jitgroups.core.request.AccessRequest;

/**
 * An approver's tap on Approve or Deny, with the facts the rules need, gathered at the moment of the tap.
 *
 * @param approverAllowed whether the directory says, now, that this account is an approver of the group
 * @param group the request's group, as people see it
 */
public record Tap(AccessRequest request, Account approver, boolean approve, boolean approverAllowed,
        Refusal.Group group) {
}
