-- Channels are bound by id (team id + channel id), never by name: a name is only a label for people.
ALTER TABLE bot_conversation ADD COLUMN team_id VARCHAR(200);
DROP INDEX bot_conversation_by_channel;

-- Who bound a channel to a group's feed, and when (an admin or an approver of the group, by `subscribe`).
ALTER TABLE bot_subscription ADD COLUMN subscribed_by VARCHAR(200);
ALTER TABLE bot_subscription ADD COLUMN subscribed_at TIMESTAMP WITH TIME ZONE;
