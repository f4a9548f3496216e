-- Audit pushed to SIEMs (issue 11). Portable SQL for H2 and PostgreSQL.

-- audit_event is the outbox; each sink's cursor is the sequence number of the last event it acknowledged.
-- Events after it are sent in sequence order, and the cursor moves only once the sink acknowledged them, so a sink
-- that is down loses nothing and holds back no other sink. The failure columns let an outage be reported once.
CREATE TABLE siem_cursor (
    sink_name             VARCHAR(64)   NOT NULL PRIMARY KEY,
    delivered_seq         BIGINT        NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at          TIMESTAMP WITH TIME ZONE,
    failing_since         TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INTEGER       NOT NULL,
    last_error            VARCHAR(1000),
    warned                BOOLEAN       NOT NULL
);
