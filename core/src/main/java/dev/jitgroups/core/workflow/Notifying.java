package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.notification.NoticeKind;
import dev.jitgroups.core.notification.NotificationPort;
import dev.jitgroups.core.notification.RequestNotice;
import dev.jitgroups.core.policy.GroupPolicy;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Sends a queued notice: the request as it is now, and the approvers resolved now. */
@Service
public class Notifying {

    private final PolicyCatalog catalog;
    private final AccessRequestStore store;
    private final Principals principals;
    private final NotificationPort port;

    public Notifying(PolicyCatalog catalog, AccessRequestStore store, Principals principals, NotificationPort port) {
        this.catalog = catalog;
        this.store = store;
        this.principals = principals;
        this.port = port;
    }

    public void send(NoticeKind kind, RequestId id, String detail) {
        Optional<AccessRequest> request = store.find(id);
        if (request.isEmpty()) {
            return;
        }
        Optional<GroupPolicy> policy = catalog.find(request.get().groupName());
        if (policy.isEmpty()) {
            return;
        }
        List<PrincipalRef> deciders = new ArrayList<>(policy.get().approvers());
        if (kind == NoticeKind.REMINDER) {
            deciders.addAll(policy.get().escalationApprovers());
        }
        List<Account> approvers = principals.resolve(deciders, Optional.of(request.get().requester())).stream()
                .filter(a -> !a.id().equalsIgnoreCase(request.get().requester().id())).toList();
        port.requestChanged(new RequestNotice(kind, request.get(), policy.get(), approvers, detail));
    }
}
