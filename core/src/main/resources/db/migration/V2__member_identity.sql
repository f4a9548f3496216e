-- Follow the account, not its name (issue 9). Portable SQL for H2 and PostgreSQL.

-- The requester's objectGUID, learnt when the membership is applied (requester_id already holds the objectSid).
ALTER TABLE access_request ADD COLUMN requester_guid VARCHAR(36);

-- The objectGUID of each managed group when it was first found, so that a configured DN gone stale (the group
-- renamed or moved in AD) is told apart from a group that no longer exists.
CREATE TABLE managed_group_identity (
    group_name     VARCHAR(64)   NOT NULL PRIMARY KEY,
    object_guid    VARCHAR(36)   NOT NULL,
    dn             VARCHAR(1000) NOT NULL,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Drift already reported, per group and member (member_key: 'sid:S-1-5-...' or 'dn:<normalised DN>'), so that the
-- same drift is reported once, not on every reconciliation; a member that leaves and comes back is reported again.
CREATE TABLE reported_drift (
    group_name     VARCHAR(64)   NOT NULL,
    member_key     VARCHAR(1100) NOT NULL,
    member_dn      VARCHAR(1000) NOT NULL,
    reported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_name, member_key)
);
