-- The outbox senders running on this database, so that they split the bot's global send rate
-- (outbox.global_per_second) between them: Telegram's flood limit is per bot, and N instances that
-- each sent at the full rate sent N times too fast. Each sender writes its row before a claim (at most
-- twice a second) and counts the rows written in the last few seconds (outbox/RateShare).
-- UNLOGGED: heartbeats are worth nothing after a crash or on a promoted standby (the table is empty
-- there, and every live sender writes its row again within a second), and they write no WAL.
CREATE UNLOGGED TABLE outbox_senders (
    owner   text        PRIMARY KEY,   -- the sender's lease owner (outbox_queue.leased_by)
    seen_at timestamptz NOT NULL
);
