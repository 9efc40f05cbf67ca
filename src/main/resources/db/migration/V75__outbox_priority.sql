-- Replies to customers who are talking go out before proactive messages (offer campaigns, surveys,
-- win-back and other outreach): a reply queued behind 10,000 campaign rows must not wait for them.
-- 0 = a reply in a conversation, 1 = outreach. The sender claims by (priority, next_attempt_at, id);
-- per chat, texts still go out in id order (the claim's ordering check is unchanged).
-- Adding a column with a constant default rewrites nothing (PostgreSQL 11+); the index is partial
-- over pending rows only, so it builds quickly on a live outbox.
ALTER TABLE outbox ADD COLUMN priority smallint NOT NULL DEFAULT 0 CHECK (priority IN (0, 1));
CREATE INDEX outbox_due_by_priority ON outbox (priority, next_attempt_at, id) WHERE status = 'pending';
DROP INDEX outbox_due;
