-- The inbox's pending updates get a narrow table of their own: inbox_queue holds exactly the rows of
-- inbound_updates whose status is 'pending' (the claim's columns, no payload), and inbound_updates
-- becomes the record of every update, written once and updated once when its turn is done.
--
-- Why: the partial indexes inbound_updates_pending and inbound_updates_claim (V1, V110) name status in
-- their predicate, so marking an update processed could never be a HOT update: each update was copied
-- whole with its payload and got a new entry in each of its indexes again (a customer's update: four
-- entries when stored, four more when done, and two copies of the payload in the WAL). Without them,
-- the status change touches no index and stays on its page when there is room (fillfactor below).
--
-- Contract: the triggers below keep the queue equal to the pending rows for every writer — the
-- intake, outreach, erasure, the command line and tests — in the writer's own statement and
-- transaction, so no writer can leave a pending update out of the queue or a finished one in it. They
-- are statement-level triggers over transition tables: one INSERT or DELETE per statement however many
-- rows it wrote. The queue has no foreign key (a key check is a row lock and a WAL record per row).
CREATE TABLE inbox_queue (
    id          bigint      PRIMARY KEY,          -- inbound_updates.id
    channel     text        NOT NULL,
    chat_key    text,
    update_id   bigint,
    outreach    boolean     NOT NULL,             -- kind = 'outreach': waits behind customers' updates
    received_at timestamptz NOT NULL,
    not_before  timestamptz                       -- held back for a retry until then
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
        autovacuum_vacuum_cost_delay = 0);
-- The claim's walk: customers' updates by id, then outreach by id (ChatClaim).
CREATE INDEX inbox_queue_claim ON inbox_queue (outreach, id);
-- A chat's pending updates in the order they are run.
CREATE INDEX inbox_queue_chat ON inbox_queue (channel, chat_key, update_id);

CREATE FUNCTION inbox_queue_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inbox_queue (id, channel, chat_key, update_id, outreach, received_at, not_before)
    SELECT id, channel, chat_key, update_id, kind IS NOT DISTINCT FROM 'outreach', received_at, not_before
    FROM added WHERE status = 'pending';
    RETURN NULL;
END $$;

-- An update that left 'pending' leaves the queue; one still pending carries its retry time and its
-- chat (erasure renames a chat to its pseudonym); one pending again comes back. Not an upsert: ON
-- CONFLICT DO UPDATE locks the row even where it changes nothing, a WAL record per row.
--
-- The trigger functions read the queue only by primary key (enable_seqscan off): their plans are
-- cached per connection, and one made while the queue was nearly empty must not scan a backlog of
-- thousands for every batch of rows marked done.
CREATE FUNCTION inbox_queue_changed() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    DELETE FROM inbox_queue q USING changed c WHERE q.id = c.id AND c.status <> 'pending';
    UPDATE inbox_queue q SET channel = c.channel, chat_key = c.chat_key, not_before = c.not_before
    FROM changed c
    WHERE q.id = c.id AND c.status = 'pending'
      AND (q.channel, q.chat_key, q.not_before) IS DISTINCT FROM (c.channel, c.chat_key, c.not_before);
    INSERT INTO inbox_queue (id, channel, chat_key, update_id, outreach, received_at, not_before)
    SELECT id, channel, chat_key, update_id, kind IS NOT DISTINCT FROM 'outreach', received_at, not_before
    FROM changed WHERE status = 'pending'
    ON CONFLICT (id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_queue_removed() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    DELETE FROM inbox_queue q USING removed r WHERE q.id = r.id;
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_queue_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE inbox_queue;
    RETURN NULL;
END $$;

CREATE TRIGGER inbox_queue_added AFTER INSERT ON inbound_updates
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inbox_queue_added();
CREATE TRIGGER inbox_queue_changed AFTER UPDATE ON inbound_updates
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION inbox_queue_changed();
CREATE TRIGGER inbox_queue_removed AFTER DELETE ON inbound_updates
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION inbox_queue_removed();
CREATE TRIGGER inbox_queue_emptied AFTER TRUNCATE ON inbound_updates
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_queue_emptied();

INSERT INTO inbox_queue (id, channel, chat_key, update_id, outreach, received_at, not_before)
SELECT id, channel, chat_key, update_id, kind IS NOT DISTINCT FROM 'outreach', received_at, not_before
FROM inbound_updates WHERE status = 'pending';

DROP INDEX inbound_updates_pending;
DROP INDEX inbound_updates_claim;

-- Leave room on each page for the update that marks a row done, so that it can stay on its page (a
-- HOT update) more often. Only pages written from now on are filled to 80 %.
ALTER TABLE inbound_updates SET (fillfactor = 80);

-- V10 vacuumed inbound_updates after every 2,000 changed rows, because the claim walked its partial
-- indexes and dead entries slowed every claim. The claim now walks inbox_queue, which keeps those
-- settings; the record table goes back to PostgreSQL's defaults (a share of the table), since each of
-- its vacuums reads every index whole, which at millions of rows and every 2,000 changes would be
-- most of the database's work.
ALTER TABLE inbound_updates RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
                                   autovacuum_analyze_scale_factor, autovacuum_analyze_threshold,
                                   autovacuum_vacuum_cost_delay);
