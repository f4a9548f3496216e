package dev.jitgroups.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Row shape of the access request aggregate (table and column names from the default naming strategy). */
@Table
class AccessRequestRow {

    @Id
    UUID id;
    String groupName;
    String requesterId;
    String requesterDn;
    String requesterGuid;
    String requesterUpn;
    String requesterSam;
    String requesterName;
    long durationSeconds;
    String justification;
    String ticket;
    boolean breakGlass;
    String status;
    Instant createdAt;
    Instant updatedAt;
    Instant activatedAt;
    Instant endsAt;
    String closedBy;
    String reason;
    @Version
    Long version;
    List<RequestApproval> approvals = new ArrayList<>();

    @PersistenceCreator
    AccessRequestRow() {
    }

    /** One approval, a child of the aggregate. */
    @Table
    static class RequestApproval {
        String approverId;
        String approverName;
        Instant approvedAt;
        String approvalComment;

        @PersistenceCreator
        RequestApproval() {
        }

        RequestApproval(String approverId, String approverName, Instant approvedAt, String approvalComment) {
            this.approverId = approverId;
            this.approverName = approverName;
            this.approvedAt = approvedAt;
            this.approvalComment = approvalComment;
        }
    }
}
