package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.MemberRef;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends an active grant whose account is no longer in the group although JIT Groups did not remove it. An admin may
 * have pulled the member on purpose, so the member is never silently re-added: the grant ends as revoked outside JIT
 * Groups (or, when the account was deleted, as ended by Active Directory), audited, and the requester is told.
 */
@Component
class EndingOutside {

    static final String OUTSIDE = "someone outside JIT Groups";
    static final String DIRECTORY = "Active Directory";

    private static final Logger LOG = LoggerFactory.getLogger(EndingOutside.class);

    private final Transitions transitions;
    private final GroupMembership membership;
    private final AccountDirectory accounts;
    private final Clock clock;

    EndingOutside(Transitions transitions, GroupMembership membership, AccountDirectory accounts, Clock clock) {
        this.transitions = transitions;
        this.membership = membership;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Re-checks under the lock of the user's grants (so no apply or removal of theirs runs meanwhile) that the grant
     * is still active and the account still not a member, then ends it.
     */
    void endIfStillMissing(RequestId id, GroupPolicy policy) {
        transitions.runLockingGrants(id, r -> {
            Instant now = clock.instant();
            if (r.status() != RequestStatus.ACTIVE || !r.endsAt().map(end -> end.isAfter(now)).orElse(false)) {
                return new Transitions.Keep();
            }
            MemberRef member = r.requester().member();
            if (membership.isDirectMember(member, policy.dn())) {
                return new Transitions.Keep();
            }
            if (accounts.findUser("sid:" + member.sid()).isEmpty()) {
                LOG.warn("The account {} ({}) of grant {} in {} was deleted from the directory; the grant ends",
                        member.sid(), member.lastKnownDn(), r.id(), policy.name());
                return new Transitions.Change(r.revoke(DIRECTORY, "the account was deleted from Active Directory", now),
                        GrantJobs.SYSTEM, "request.account-deleted", member.lastKnownDn() + " (" + member.sid()
                        + ") no longer exists in the directory").notice(NoticeKind.REVOKED);
            }
            LOG.warn("{} ({}) was removed from {} outside JIT Groups while grant {} was active; the grant ends and the "
                    + "member is not added again", member.lastKnownDn(), member.sid(), policy.dn(), r.id());
            return revokedOutside(r, policy, member, now);
        });
    }

    private static Transitions.Change revokedOutside(AccessRequest r, GroupPolicy policy, MemberRef member, Instant now) {
        return new Transitions.Change(r.revoke(OUTSIDE, "removed in Active Directory outside JIT Groups; you were not "
                + "added again (request access again if you still need it)", now), GrantJobs.SYSTEM, "request.revoked-outside",
                member.lastKnownDn() + " (" + member.sid() + ") is no longer a member of " + policy.dn()
                        + " although the grant was active; not re-added").notice(NoticeKind.REVOKED);
    }
}
