package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read-only views for people: my requests, what I may decide, one request. */
@Service
public class Queries {

    private final AccessRequestStore store;
    private final DecidingRequests deciding;

    public Queries(AccessRequestStore store, DecidingRequests deciding) {
        this.store = store;
        this.deciding = deciding;
    }

    public Optional<AccessRequest> find(RequestId id) {
        return store.find(id);
    }

    /** The account's pending, approved and active requests, oldest first. */
    public List<AccessRequest> openRequestsOf(Account who) {
        return store.findByRequester(who.id(), EnumSet.of(RequestStatus.PENDING_APPROVAL, RequestStatus.APPROVED,
                RequestStatus.ACTIVE));
    }

    /** Pending requests this account may decide now (never their own). */
    public List<AccessRequest> decidableBy(Account who) {
        return store.findByStatus(EnumSet.of(RequestStatus.PENDING_APPROVAL)).stream()
                .filter(r -> !r.isRequestedBy(who) && !r.hasApprovalFrom(who.id()))
                .filter(r -> deciding.mayDecide(who, r)).toList();
    }
}
