package dev.jitgroups.core.workflow;

import dev.jitgroups.core.policy.PrincipalRef;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the workflow that are not per group ({@code jit.*}).
 *
 * @param admins who may revoke any active grant
 * @param expiryWarning how long before the end the requester is told and offered Extend
 */
public record CoreSettings(List<PrincipalRef> admins, Duration expiryWarning) {

    public CoreSettings {
        admins = List.copyOf(admins);
    }
}
