package dev.jitgroups.core.request;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores access requests. Updates are compare-and-set on the version the request was read at. */
public interface AccessRequestStore {

    AccessRequest insert(AccessRequest request);

    /**
     * Writes the changed request if the stored version still equals {@code changed.version()}.
     *
     * @return the stored request with its new version, or empty when someone else changed it first
     */
    Optional<AccessRequest> compareAndSet(AccessRequest changed);

    Optional<AccessRequest> find(RequestId id);

    List<AccessRequest> findByRequester(String accountId, Collection<RequestStatus> statuses);

    List<AccessRequest> findByGroup(String groupName, Collection<RequestStatus> statuses);

    List<AccessRequest> findByStatus(Collection<RequestStatus> statuses);

    /** How many requests this user submitted at or after the instant, whatever became of them. */
    int countSubmittedSince(String requesterId, Instant since);

    /**
     * Locks, until the caller's transaction ends, every request of this user for this group, so that adding
     * and removing their membership never interleave (an expiry cannot remove what a new grant just added).
     */
    void lockGrantsOf(String requesterId, String groupName);
}
