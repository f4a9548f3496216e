package dev.jitgroups.core.store;

import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.request.AccessRequest;
import dev.jitgroups.core.request.AccessRequestStore;
import dev.jitgroups.core.request.Approval;
import dev.jitgroups.core.request.RequestId;
import dev.jitgroups.core.request.RequestStatus;
import dev.jitgroups.core.request.Requester;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Data JDBC store of access requests. Uses the aggregate template directly (not a transactional
 * repository proxy) so that a lost compare-and-set does not mark the caller's transaction rollback-only.
 * Reads run in a transaction: loading the approvals while the request row is still being read must reuse
 * the same connection, or parallel readers can exhaust the pool waiting for a second one.
 */
@Repository
class JdbcAccessRequestStore implements AccessRequestStore {

    private final JdbcAggregateTemplate template;
    private final JdbcClient jdbc;

    JdbcAccessRequestStore(JdbcAggregateTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockGrantsOf(String requesterId, String groupName) {
        jdbc.sql("SELECT id FROM access_request WHERE requester_id = ? AND group_name = ? FOR UPDATE")
                .params(requesterId, groupName).query((rs, n) -> rs.getObject(1)).list();
    }

    @Override
    public int countSubmittedSince(String requesterId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM access_request WHERE requester_id = ? AND created_at >= ?")
                .params(requesterId, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Integer.class).single();
    }

    @Override
    public AccessRequest insert(AccessRequest request) {
        AccessRequestRow row = toRow(request);
        row.version = null;
        AccessRequestRow saved = template.insert(row);
        return request.withVersion(saved.version);
    }

    @Override
    public Optional<AccessRequest> compareAndSet(AccessRequest changed) {
        AccessRequestRow row = toRow(changed);
        try {
            AccessRequestRow saved = template.update(row);
            return Optional.of(changed.withVersion(saved.version));
        } catch (OptimisticLockingFailureException lostRace) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccessRequest> find(RequestId id) {
        return Optional.ofNullable(template.findById(id.value(), AccessRequestRow.class)).map(this::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessRequest> findByRequester(String accountId, Collection<RequestStatus> statuses) {
        return query(Criteria.where("requesterId").is(accountId).and("status").in(names(statuses)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessRequest> findByGroup(String groupName, Collection<RequestStatus> statuses) {
        return query(Criteria.where("groupName").is(groupName).and("status").in(names(statuses)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessRequest> findByStatus(Collection<RequestStatus> statuses) {
        return query(Criteria.where("status").in(names(statuses)));
    }

    private List<AccessRequest> query(Criteria criteria) {
        Iterable<AccessRequestRow> rows = template.findAll(Query.query(criteria), AccessRequestRow.class);
        return StreamSupport.stream(rows.spliterator(), false).map(this::toDomain)
                .sorted(Comparator.comparing(AccessRequest::createdAt)).toList();
    }

    private static List<String> names(Collection<RequestStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private AccessRequestRow toRow(AccessRequest r) {
        AccessRequestRow row = new AccessRequestRow();
        row.id = r.id().value();
        row.groupName = r.groupName();
        Requester q = r.requester();
        row.requesterId = q.id();
        row.requesterDn = q.dn().toString();
        row.requesterGuid = q.objectGuid().orElse(null);
        row.requesterUpn = q.userPrincipalName();
        row.requesterSam = q.samAccountName();
        row.requesterName = q.displayName();
        row.durationSeconds = r.duration().toSeconds();
        row.justification = r.justification().orElse(null);
        row.ticket = r.ticket().orElse(null);
        row.breakGlass = r.breakGlass();
        row.status = r.status().name();
        row.createdAt = r.createdAt();
        row.updatedAt = r.updatedAt();
        row.activatedAt = r.activatedAt().orElse(null);
        row.endsAt = r.endsAt().orElse(null);
        row.closedBy = r.closedBy().orElse(null);
        row.reason = r.reason().orElse(null);
        row.version = r.version();
        row.approvals = r.approvals().stream()
                .map(a -> new AccessRequestRow.RequestApproval(a.approverId(), a.approverName(), a.at(), a.comment()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        return row;
    }

    private AccessRequest toDomain(AccessRequestRow row) {
        List<Approval> approvals = row.approvals.stream()
                .map(a -> new Approval(a.approverId, a.approverName, a.approvedAt, a.approvalComment)).toList();
        return new AccessRequest(new RequestId(row.id), row.groupName,
                new Requester(row.requesterId, Dn.parse(row.requesterDn), row.requesterUpn, row.requesterSam,
                        row.requesterName, Optional.ofNullable(row.requesterGuid)),
                Duration.ofSeconds(row.durationSeconds), row.justification, row.ticket, row.breakGlass,
                RequestStatus.valueOf(row.status), row.createdAt, row.updatedAt, row.activatedAt, row.endsAt,
                approvals, row.closedBy, row.reason, row.version);
    }
}
