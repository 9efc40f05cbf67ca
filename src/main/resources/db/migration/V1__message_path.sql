-- The durable message path: intake → inbox → engine → outbox, and the logs around it.

CREATE TABLE customers (
    id              bigserial   PRIMARY KEY,
    external_id     text        UNIQUE,
    name            text,
    language        text        NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh')),
    language_chosen boolean     NOT NULL DEFAULT false,   -- set by /language; wins over detection
    tier            text        NOT NULL DEFAULT 'small' CHECK (tier IN ('key', 'major', 'ordinary', 'small')),
    opted_out_at    timestamptz,                          -- /stop; null when opted in
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- A chat on a channel, linked to the customer it belongs to.
CREATE TABLE channel_accounts (
    channel            text        NOT NULL,
    chat_key           text        NOT NULL,
    customer_id        bigint      NOT NULL REFERENCES customers,
    user_ref           text,
    username           text,
    first_name         text,
    language_code      text,
    unreachable_at     timestamptz,                       -- the customer blocked the bot (403)
    unreachable_reason text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_key)
);
CREATE INDEX channel_accounts_customer ON channel_accounts (customer_id);

-- Every update as it arrived, stored before it is acknowledged.
CREATE TABLE inbound_updates (
    id            bigserial   PRIMARY KEY,
    channel       text        NOT NULL,
    update_id     bigint,                                 -- null only when the body could not be read
    chat_key      text,                                   -- null when there is no chat to answer
    kind          text,                                   -- message, callback_query, edited_message, ...
    payload       jsonb,                                  -- the update when it is JSON
    raw_body      text,                                   -- the body when it is not JSON
    status        text        NOT NULL CHECK (status IN ('pending', 'processed', 'rejected', 'ignored', 'failed')),
    reason        text,                                   -- why rejected, ignored or failed
    attempts      int         NOT NULL DEFAULT 0,
    not_before    timestamptz,                            -- retry back-off after a failed turn
    received_at   timestamptz NOT NULL DEFAULT now(),
    processed_at  timestamptz
);
CREATE UNIQUE INDEX inbound_updates_dedup ON inbound_updates (channel, update_id);
CREATE INDEX inbound_updates_pending ON inbound_updates (channel, chat_key, update_id) WHERE status = 'pending';

-- Where each chat stands in its dialogue. Written only by the worker holding the chat's lock.
CREATE TABLE conversations (
    channel        text        NOT NULL,
    chat_key       text        NOT NULL,
    customer_id    bigint      REFERENCES customers,
    flow           text,
    step           text,
    slots          jsonb       NOT NULL DEFAULT '{}',
    last_update_id bigint,
    unknown_streak int         NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_key)
);

-- Every message in and out.
CREATE TABLE messages (
    id                bigserial   PRIMARY KEY,
    direction         text        NOT NULL CHECK (direction IN ('in', 'out')),
    channel           text        NOT NULL,
    chat_key          text        NOT NULL,
    customer_id       bigint      REFERENCES customers,
    inbound_update_id bigint      REFERENCES inbound_updates,
    kind              text        NOT NULL,               -- text, command, button, contact, media, ...
    text              text,
    buttons           jsonb,
    flow              text,
    step              text,
    language          text,
    intent            text,
    intent_confidence real,
    sentiment         text,
    sentiment_score   real,
    sent_at           timestamptz,                        -- the channel's timestamp for inbound messages
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_chat ON messages (channel, chat_key, id);
CREATE INDEX messages_customer ON messages (customer_id, id);

-- Replies waiting to be delivered. dedup_key makes a retried turn write the same rows again harmlessly.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    dedup_key       text        NOT NULL UNIQUE,
    channel         text        NOT NULL,
    chat_key        text        NOT NULL,
    message_id      bigint      REFERENCES messages,
    reply           jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead', 'skipped')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,                          -- a sender is working on it until then
    last_error      text,
    external_id     text,                                 -- the channel's message id once sent
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_chat_pending ON outbox (channel, chat_key, id) WHERE status = 'pending';
CREATE INDEX outbox_message ON outbox (message_id);

-- Everything that happened, typed.
CREATE TABLE events (
    id          bigserial   PRIMARY KEY,
    type        text        NOT NULL,
    channel     text,
    chat_key    text,
    customer_id bigint,
    data        jsonb       NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_type ON events (type, occurred_at);
CREATE INDEX events_customer ON events (customer_id, occurred_at);

-- Each start's configuration, secrets redacted.
CREATE TABLE config_loads (
    id        bigserial   PRIMARY KEY,
    loaded_at timestamptz NOT NULL DEFAULT now(),
    host      text,
    settings  jsonb       NOT NULL,
    flows     jsonb       NOT NULL DEFAULT '[]'
);

-- The message log with each outbound message's delivery status.
CREATE VIEW message_log AS
SELECT m.*, o.status AS delivery_status, o.attempts AS delivery_attempts, o.sent_at AS delivered_at,
       o.last_error AS delivery_error
FROM messages m
LEFT JOIN outbox o ON o.message_id = m.id;

-- Web chat update ids: handed out in blocks of 100 per process, increasing within a process.
CREATE SEQUENCE webchat_update_ids INCREMENT BY 100;
