-- Teams bot state: where to reach people (conversation references), every posted card copy, channel subscriptions.
-- Portable SQL for H2 and PostgreSQL; unquoted names.

-- One row per conversation, and per person in a personal chat (account_key = their objectSid, '' otherwise): some
-- clients (the Agents Playground) use one personal chat id for every user.
CREATE TABLE bot_conversation (
    conversation_id  VARCHAR(500)  NOT NULL,
    account_key      VARCHAR(200)  NOT NULL,
    personal         BOOLEAN       NOT NULL,
    account_id       VARCHAR(200),
    aad_object_id    VARCHAR(100),
    tenant_id        VARCHAR(100),
    channel_name     VARCHAR(300),
    reference_json   VARCHAR(8000) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, account_key)
);
CREATE INDEX bot_conversation_by_account ON bot_conversation (account_id);
CREATE INDEX bot_conversation_by_channel ON bot_conversation (channel_name);

CREATE TABLE bot_card_copy (
    request_id         VARCHAR(36)  NOT NULL,
    conversation_id    VARCHAR(500) NOT NULL,
    activity_id        VARCHAR(500) NOT NULL,
    viewer_account_id  VARCHAR(200),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, conversation_id, activity_id)
);

CREATE TABLE bot_subscription (
    group_name       VARCHAR(64)  NOT NULL,
    conversation_id  VARCHAR(500) NOT NULL,
    PRIMARY KEY (group_name, conversation_id)
);

-- What was already posted for one notice (request, kind, version) into one conversation: a notice job that is
-- retried after a partial failure does not post twice.
CREATE TABLE bot_delivery (
    notice_key       VARCHAR(120) NOT NULL,
    conversation_id  VARCHAR(500) NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notice_key, conversation_id)
);
