-- The outbox's pending rows get a narrow table of their own: outbox_queue holds exactly the rows of
-- outbox whose status is 'pending', with the columns the sender schedules by (due time, lease, order
-- within the chat), and outbox becomes the record of each reply: inserted once, updated once on its
-- outcome.
--
-- Why: the partial indexes outbox_chat_pending and outbox_due_by_priority (V1, V75) name status in
-- their predicate, so marking a row sent could never be a HOT update: each sent row was copied whole
-- and got a new entry in all five indexes, and most lease updates were not HOT either (measured: ~10
-- index entries and ~1 KiB of WAL per reply). Now no index of outbox covers a column the sender
-- writes (status, sent_at, external_id, attempts, last_error), so the outcome stays on its page when
-- there is room (fillfactor 70, V120); the leases are written on the queue's small rows.
--
-- Contract: the triggers below keep the queue equal to the pending rows for every writer — the turn's
-- insert (a data-modifying CTE with ON CONFLICT DO NOTHING: only rows actually inserted are in its
-- transition table), Outbox.enqueue, the sender's outcomes and skips, erasure, the command line and
-- tests — in the writer's own statement and transaction. They are statement-level triggers over
-- transition tables: one statement per trigger however many rows were written. The queue has no
-- foreign key to outbox (a key check is a row lock and a WAL record per row); the triggers are its
-- integrity. The scheduling columns live only here: a row leaves the queue when it leaves 'pending',
-- and a row made pending again (an operator re-sending dead letters) comes back due now.
--
-- The queue leaves room on each page so that a lease (lease_until, leased_by: no index covers them)
-- is a HOT update. It is vacuumed and analysed after a fixed number of changed rows, like the inbox
-- and the outbox were (V10): its rows are inserted and deleted within seconds.
CREATE TABLE outbox_queue (
    id              bigint      PRIMARY KEY,          -- outbox.id
    channel         text        NOT NULL,
    chat_key        text        NOT NULL,
    priority        smallint    NOT NULL,             -- 0 a reply in a conversation, 1 outreach (V75)
    button_answer   boolean     NOT NULL,             -- reply->>'type' = 'button_answer': needs no order
    created_at      timestamptz NOT NULL,             -- outbox.created_at, for the age of the oldest
    next_attempt_at timestamptz NOT NULL,             -- not claimed before (retry back-off)
    lease_until     timestamptz,                      -- a sender is working on it until then
    leased_by       text                              -- which sender process (V47)
) WITH (fillfactor = 70,
        autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
        autovacuum_vacuum_cost_delay = 0);

CREATE FUNCTION outbox_queue_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox_queue (id, channel, chat_key, priority, button_answer, created_at, next_attempt_at)
    SELECT id, channel, chat_key, priority, reply->>'type' IS NOT DISTINCT FROM 'button_answer', created_at, now()
    FROM added WHERE status = 'pending';
    RETURN NULL;
END $$;

-- A row that left 'pending' (sent, dead, skipped) leaves the queue; one still pending carries its chat
-- (erasure renames a chat to its pseudonym), its priority and its kind of reply; one pending again
-- comes back. The sender's outcome statement schedules its retries in the queue itself, so for its
-- rows this finds nothing different and writes nothing. (Not an upsert: ON CONFLICT DO UPDATE locks
-- the row it does not change, a WAL record per retried row.)
--
-- The queue is reached by primary key (= ANY of the changed ids) and planned without sequential
-- scans: a session keeps the plan of each statement here, and one made while the queue was nearly
-- empty would otherwise read it whole on every write once a campaign has filled it.
CREATE FUNCTION outbox_queue_changed() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    DELETE FROM outbox_queue WHERE id = ANY(ARRAY(SELECT id FROM changed WHERE status <> 'pending'));
    UPDATE outbox_queue q
    SET channel = c.channel, chat_key = c.chat_key, priority = c.priority,
        button_answer = c.reply->>'type' IS NOT DISTINCT FROM 'button_answer'
    FROM changed c
    WHERE q.id = ANY(ARRAY(SELECT id FROM changed WHERE status = 'pending')) AND c.id = q.id
      AND (q.channel, q.chat_key, q.priority, q.button_answer)
          IS DISTINCT FROM (c.channel, c.chat_key, c.priority, c.reply->>'type' IS NOT DISTINCT FROM 'button_answer');
    INSERT INTO outbox_queue (id, channel, chat_key, priority, button_answer, created_at, next_attempt_at)
    SELECT id, channel, chat_key, priority, reply->>'type' IS NOT DISTINCT FROM 'button_answer', created_at, now()
    FROM changed WHERE status = 'pending'
    ON CONFLICT (id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION outbox_queue_removed() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    DELETE FROM outbox_queue WHERE id = ANY(ARRAY(SELECT id FROM removed));
    RETURN NULL;
END $$;

CREATE FUNCTION outbox_queue_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE outbox_queue;
    RETURN NULL;
END $$;

-- Created before the backfill: CREATE TRIGGER locks outbox against writes until this migration
-- commits, so no row can be written between the backfill's read and the triggers' start.
CREATE TRIGGER outbox_queue_added AFTER INSERT ON outbox
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION outbox_queue_added();
CREATE TRIGGER outbox_queue_changed AFTER UPDATE ON outbox
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION outbox_queue_changed();
CREATE TRIGGER outbox_queue_removed AFTER DELETE ON outbox
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION outbox_queue_removed();
CREATE TRIGGER outbox_queue_emptied AFTER TRUNCATE ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_queue_emptied();

INSERT INTO outbox_queue (id, channel, chat_key, priority, button_answer, created_at, next_attempt_at,
                          lease_until, leased_by)
SELECT id, channel, chat_key, priority, reply->>'type' IS NOT DISTINCT FROM 'button_answer', created_at,
       next_attempt_at, lease_until, leased_by
FROM outbox WHERE status = 'pending';

-- The claim's walk: replies before outreach, then by due time and id (OutboxStore.CLAIM). Only
-- pending rows are in the queue, so no partial predicate: a claim never walks past what was sent.
CREATE INDEX outbox_queue_due ON outbox_queue (priority, next_attempt_at, id);
-- A chat's pending rows in id order: the claim's per-chat check (an earlier text waits, a row is
-- leased) and the skip of an unreachable customer's rows.
CREATE INDEX outbox_queue_chat ON outbox_queue (channel, chat_key, id);

DROP INDEX outbox_chat_pending;
DROP INDEX outbox_due_by_priority;
ALTER TABLE outbox DROP COLUMN next_attempt_at, DROP COLUMN lease_until, DROP COLUMN leased_by;

-- The outbox gets PostgreSQL's default autovacuum back: V10 vacuumed it every 2,000 changed rows so
-- that its pending indexes did not fill with entries of rows no longer pending, which the claim
-- walked. The claim walks the queue now (fixed thresholds above), and each vacuum of the record
-- table reads all its indexes however few rows changed; its dead row versions are mostly the HOT
-- outcomes' old ones, which page pruning clears without a vacuum.
ALTER TABLE outbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
                          autovacuum_analyze_scale_factor, autovacuum_analyze_threshold,
                          autovacuum_vacuum_cost_delay);
