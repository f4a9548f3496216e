package dev.jitgroups.core.notification;

import dev.jitgroups.core.policy.GroupPolicy;
import java.util.List;

/**
 * Reconciliation found members of a managed group that no grant or permanent membership covers.
 *
 * @param uncoveredMemberDns members found in the directory without a grant
 * @param removed true when enforce mode removed them
 */
public record DriftNotice(GroupPolicy policy, List<String> uncoveredMemberDns, boolean removed) {

    public DriftNotice {
        uncoveredMemberDns = List.copyOf(uncoveredMemberDns);
    }
}
