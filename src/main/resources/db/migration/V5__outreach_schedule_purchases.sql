-- Outreach: a dialogue Rapport starts itself (a follow-up survey, a win-back opener, an offer). It is
-- stored as an inbound update of kind 'outreach' in the chat's own queue, so it runs as a turn like
-- any other: under the chat's lock, in one transaction with its replies. Its key makes it idempotent:
-- the same outreach queued twice is stored once. Ids come from their own range, far above the
-- channels' ids, so they never collide with a Telegram or web chat update id.
CREATE SEQUENCE outreach_update_ids START WITH 1000000000000000;
CREATE UNIQUE INDEX inbound_updates_outreach_key ON inbound_updates ((payload ->> 'key')) WHERE kind = 'outreach';

-- db-scheduler's table: cluster-safe scheduled work (SLA checks, follow-ups, tier recalculation,
-- campaigns). One row per task instance; instances pick rows with optimistic locking.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- What customers bought: the value behind their tier, and the sign that a lapsed customer came back.
CREATE TABLE purchases (
    id           bigserial     PRIMARY KEY,
    external_id  text          UNIQUE,                    -- the shop's id; re-imports change nothing
    customer_id  bigint        NOT NULL REFERENCES customers,
    amount       numeric(14,2) NOT NULL CHECK (amount >= 0),
    margin       numeric(14,2),                           -- when the shop knows it, value counts margin
    currency     text,
    purchased_at timestamptz   NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX purchases_customer ON purchases (customer_id, purchased_at);
CREATE INDEX purchases_time ON purchases (purchased_at);

ALTER TABLE customers
    ADD COLUMN phone     text,                            -- E.164, for linking a shared Telegram contact
    ADD COLUMN email     text,
    ADD COLUMN time_zone text;                            -- IANA zone for quiet hours; null: the business's
CREATE UNIQUE INDEX customers_phone ON customers (phone) WHERE phone IS NOT NULL;
