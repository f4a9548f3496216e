package dev.jitgroups.core.notification;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.request.AccessRequest;
import java.util.List;

/**
 * Something happened to a request.
 *
 * @param request the request as it is now
 * @param approvers the accounts that may decide it (resolved when the notice is sent), for 1:1 cards
 * @param detail extra words for the people told (e.g. a directory error), may be empty
 */
public record RequestNotice(NoticeKind kind, AccessRequest request, GroupPolicy policy, List<Account> approvers,
        String detail) {

    public RequestNotice {
        approvers = List.copyOf(approvers);
        detail = detail == null ? "" : detail;
    }
}
