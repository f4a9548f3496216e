package dev.jitgroups.core.workflow;

import dev.jitgroups.core.policy.PrincipalRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the workflow that are not per group ({@code jit.*}).
 *
 * @param admins who may revoke any active grant
 * @param expiryWarning how long before the end the requester is told and offered Extend
 * @param requestLimit how many requests one person may submit in a period, so approvers are not flooded
 */
public record CoreSettings(List<PrincipalRef> admins, Duration expiryWarning, RequestLimit requestLimit) {

    public CoreSettings {
        admins = List.copyOf(admins);
        Objects.requireNonNull(requestLimit, "requestLimit");
    }

    /**
     * At most {@code max} requests per person in any {@code per} ({@code jit.request-limit.*}).
     *
     * @param max at least 1
     */
    public record RequestLimit(int max, Duration per) {

        public static final RequestLimit DEFAULT = new RequestLimit(10, Duration.ofHours(1));

        public RequestLimit {
            if (max < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("needs max >= 1 and a positive period");
            }
        }
    }
}
