-- Access requests, approvals, audit log and db-scheduler's task table.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (shared store for several instances).

CREATE TABLE access_request (
    id              UUID          NOT NULL PRIMARY KEY,
    group_name      VARCHAR(64)   NOT NULL,
    requester_id    VARCHAR(200)  NOT NULL,
    requester_dn    VARCHAR(1000) NOT NULL,
    requester_upn   VARCHAR(300),
    requester_sam   VARCHAR(300),
    requester_name  VARCHAR(300)  NOT NULL,
    duration_seconds BIGINT       NOT NULL,
    justification   VARCHAR(1000),
    ticket          VARCHAR(200),
    break_glass     BOOLEAN       NOT NULL,
    status          VARCHAR(32)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at    TIMESTAMP WITH TIME ZONE,
    ends_at         TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(300),
    reason          VARCHAR(2000),
    version         BIGINT        NOT NULL
);
CREATE INDEX access_request_by_requester ON access_request (requester_id, status);
CREATE INDEX access_request_by_group ON access_request (group_name, status);
CREATE INDEX access_request_by_status ON access_request (status);

-- Column names follow Spring Data JDBC's defaults for a List in the access_request aggregate.
CREATE TABLE request_approval (
    access_request      UUID         NOT NULL REFERENCES access_request (id),
    access_request_key  INTEGER      NOT NULL,
    approver_id         VARCHAR(200) NOT NULL,
    approver_name       VARCHAR(300) NOT NULL,
    approved_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    approval_comment    VARCHAR(1000),
    PRIMARY KEY (access_request, access_request_key)
);

CREATE TABLE audit_event (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(300)  NOT NULL,
    action         VARCHAR(100)  NOT NULL,
    request_id     VARCHAR(36),
    group_name     VARCHAR(64),
    subject        VARCHAR(1000),
    outcome        VARCHAR(32)   NOT NULL,
    detail         VARCHAR(4000),
    previous_hash  VARCHAR(64)   NOT NULL,
    event_hash     VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_event_by_request ON audit_event (request_id);

-- The chain's head, kept apart from the events so that deleting the newest events is detected;
-- its row lock also serialises appends across instances.
CREATE TABLE audit_head (
    id         INTEGER     NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- db-scheduler (durable jobs)
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)  NOT NULL,
    task_instance        VARCHAR(200)  NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN       NOT NULL,
    picked_by            VARCHAR(100),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT        NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority, execution_time);
