-- Reaching approvers who never wrote to the bot. Portable SQL for H2 and PostgreSQL; unquoted names.

-- People the bot learnt from the rosters of teams (and group chats) it is installed in: with their Teams user id it may
-- open a 1:1 chat. roster_id is the team id, or a group chat's conversation id. One row per roster and member; a roster's
-- rows are replaced whenever it is read. upn and aad_object_id are stored lower-case.
CREATE TABLE bot_member (
    roster_id       VARCHAR(200) NOT NULL,
    user_id         VARCHAR(200) NOT NULL,
    tenant_id       VARCHAR(100),
    aad_object_id   VARCHAR(100),
    upn             VARCHAR(300),
    name            VARCHAR(300),
    seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (roster_id, user_id)
);
CREATE INDEX bot_member_by_upn ON bot_member (upn);
CREATE INDEX bot_member_by_aad ON bot_member (aad_object_id);

-- When each roster was last read (or refused), so a roster is read at most every 15 minutes, never per notice.
CREATE TABLE bot_roster_read (
    roster_id VARCHAR(200) NOT NULL PRIMARY KEY,
    read_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    members   INTEGER NOT NULL,
    outcome   VARCHAR(300) NOT NULL
);

-- How reaching each approver of a request went (outcome: asked, unreachable, trying), recorded (and audited) once when
-- first seen, and told_at once the requester was told: not again on every retry of the notice job. account_id '-'
-- stands for "no approver at all".
CREATE TABLE bot_reach_report (
    request_id   VARCHAR(36)  NOT NULL,
    account_id   VARCHAR(200) NOT NULL,
    outcome      VARCHAR(20)  NOT NULL,
    display_name VARCHAR(300) NOT NULL,
    reason       VARCHAR(1000),
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    told_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (request_id, account_id, outcome)
);
