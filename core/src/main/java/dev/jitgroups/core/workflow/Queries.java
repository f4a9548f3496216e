package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.policy.PolicyCatalog;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.request.Requester;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read-only views for people: my requests, what I may decide, one request. */
@Service
public class Queries {

    private final AccessRequestStore store;
    private final DecidingRequests deciding;
    private final PolicyCatalog catalog;
    private final Principals principals;
    private final CoreSettings settings;

    public Queries(AccessRequestStore store, DecidingRequests deciding, PolicyCatalog catalog, Principals principals,
            CoreSettings settings) {
        this.store = store;
        this.deciding = deciding;
        this.catalog = catalog;
        this.principals = principals;
        this.settings = settings;
    }

    public Optional<AccessRequest> find(RequestId id) {
        return store.find(id);
    }

    /**
     * True when the account may see the request: its requester, an approver or escalation approver of its group
     * (checked against the directory now), or a JIT admin. Nobody else learns who asked for what, or why.
     */
    public boolean mayView(Account who, AccessRequest r) {
        if (r.isRequestedBy(who)) {
            return true;
        }
        if (!who.enabled()) {
            return false;
        }
        Optional<Requester> requester = Optional.of(r.requester());
        return catalog.find(r.groupName()).map(p -> principals.covers(p.approvers(), who, requester)
                || principals.covers(p.escalationApprovers(), who, requester)).orElse(false)
                || principals.covers(settings.admins(), who, Optional.empty());
    }

    /** The account's pending, approved and active requests, oldest first. */
    public List<AccessRequest> openRequestsOf(Account who) {
        return openRequestsOf(who.id());
    }

    /** The pending, approved and active requests of the account with this objectSid, oldest first. */
    public List<AccessRequest> openRequestsOf(String accountId) {
        return store.findByRequester(accountId, EnumSet.of(RequestStatus.PENDING_APPROVAL, RequestStatus.APPROVED,
                RequestStatus.ACTIVE));
    }

    /** Pending requests this account may decide now (never their own). */
    public List<AccessRequest> decidableBy(Account who) {
        return store.findByStatus(EnumSet.of(RequestStatus.PENDING_APPROVAL)).stream()
                .filter(r -> !r.isRequestedBy(who) && !r.hasApprovalFrom(who.id()))
                .filter(r -> deciding.mayDecide(who, r)).toList();
    }
}
