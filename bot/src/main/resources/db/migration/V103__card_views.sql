-- Every card that shows a request is a kept copy, drawn again for its reader on every change: what view it is
-- (APPROVER, CHANNEL, VIEWER, STATUS; NULL on older rows: APPROVER when viewer_account_id is set, else CHANNEL).
ALTER TABLE bot_card_copy ADD COLUMN card_view VARCHAR(20);
