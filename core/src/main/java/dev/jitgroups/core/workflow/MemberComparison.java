package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.GroupMember;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.RequestStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a group's members with the grants and permanent members that cover them, by objectSid: a renamed or
 * moved account is the same member. Pure: the caller reads the grants (before the members) and the members.
 */
final class MemberComparison {

    private MemberComparison() {
    }

    /**
     * @param uncovered members that no grant (active, or approved and being applied) and no permanent membership
     *        covers, including members without a SID
     * @param missing active grants whose account is not a member (removed behind our back, or deleted)
     */
    record Result(List<GroupMember> uncovered, List<AccessRequest> missing) {

        Result {
            uncovered = List.copyOf(uncovered);
            missing = List.copyOf(missing);
        }
    }

    static Result compare(List<AccessRequest> grants, Set<String> permanentSids, List<GroupMember> members, Instant now) {
        Set<String> covered = new HashSet<>();
        permanentSids.forEach(s -> covered.add(s.toUpperCase(Locale.ROOT)));
        grants.stream().filter(g -> g.status() == RequestStatus.ACTIVE || g.status() == RequestStatus.APPROVED)
                .forEach(g -> covered.add(g.requester().id().toUpperCase(Locale.ROOT)));
        Set<String> present = new HashSet<>();
        members.forEach(m -> m.sid().ifPresent(present::add));
        List<GroupMember> uncovered = members.stream().filter(m -> m.sid().map(s -> !covered.contains(s)).orElse(true))
                .toList();
        List<AccessRequest> missing = grants.stream().filter(g -> g.status() == RequestStatus.ACTIVE)
                .filter(g -> g.endsAt().map(end -> end.isAfter(now)).orElse(false))
                .filter(g -> !present.contains(g.requester().id().toUpperCase(Locale.ROOT))).toList();
        return new Result(uncovered, missing);
    }
}
