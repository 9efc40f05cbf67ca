-- Staff answer from a Telegram forum supergroup, one topic per customer (README "Staff in Telegram").

-- The customer's topic in the staff group. Kept across handoffs: a new handoff reopens it.
CREATE TABLE staffgroup_topics (
    group_id    text        NOT NULL,
    customer_id bigint      NOT NULL REFERENCES customers,
    thread_id   bigint,                                 -- Telegram's message_thread_id; null until created
    handoff_id  bigint      REFERENCES handoffs,        -- the latest handoff shown in it
    name        text,                                   -- the name last given to the topic (state, customer, tier, ticket)
    state       text,                                   -- the handoff's state last shown (waiting, claimed, closed)
    owner_name  text,                                   -- who had it when last shown
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, customer_id)
);
CREATE UNIQUE INDEX staffgroup_topics_thread ON staffgroup_topics (group_id, thread_id);

-- Everything Rapport posts into the group, in order. Each has one outbox row (channel 'staffgroup',
-- chat_key the group id, dedup_key 'staffgroup:post:<id>'), which carries ordering, retries and rates;
-- this row says what exactly to post.
CREATE TABLE staffgroup_posts (
    id                  bigserial   PRIMARY KEY,
    group_id            text        NOT NULL,
    customer_id         bigint      NOT NULL REFERENCES customers,
    handoff_id          bigint      REFERENCES handoffs,
    kind                text        NOT NULL CHECK (kind IN ('card', 'customer', 'notice', 'topic')),
    text                text,                           -- what to write (a card, a notice, a customer's text)
    message_id          bigint      REFERENCES messages,-- the customer's message copied (kind customer)
    from_chat           text,                           -- copyMessage source: the customer's Telegram chat
    from_message        bigint,                         --   and the message there; null: post the text instead
    foldable            boolean     NOT NULL DEFAULT false,  -- a plain text: may be folded with others under a burst
    folded_into         bigint      REFERENCES staffgroup_posts,  -- posted as part of that post (a burst)
    topic_message_id    bigint,                         -- the message in the topic, once posted
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staffgroup_posts_pending ON staffgroup_posts (group_id, customer_id, id) WHERE topic_message_id IS NULL;

-- Rapport's own mapping between messages in a topic and the customer's messages, both ways (never
-- forward_from): a staff reply to a topic message answers the customer message behind it, edits follow.
CREATE TABLE staffgroup_message_map (
    group_id         text    NOT NULL,
    topic_message_id bigint  NOT NULL,
    message_id       bigint  NOT NULL REFERENCES messages,   -- the customer's message, or the staff reply sent to them
    direction        text    NOT NULL CHECK (direction IN ('in', 'out')),
    PRIMARY KEY (group_id, topic_message_id, message_id)
);
CREATE INDEX staffgroup_message_map_message ON staffgroup_message_map (message_id);

-- Posts made into a group, for its rate (Telegram: about 20 a minute per group), across instances.
CREATE TABLE staffgroup_sends (
    group_id text        NOT NULL,
    sent_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staffgroup_sends_recent ON staffgroup_sends (group_id, sent_at);

-- Telegram users linked to staff accounts (the staff package owns the accounts: no foreign key).
CREATE TABLE staffgroup_staff_links (
    staff_id         bigint      PRIMARY KEY,
    staff_name       text        NOT NULL,
    telegram_user_id bigint      NOT NULL UNIQUE,
    linked_at        timestamptz NOT NULL DEFAULT now()
);

-- Whether the group can be used; null reason: usable. Written by the start-up check and by sends
-- that find the bot removed or the group no longer a forum; handoffs then stay in the console.
CREATE TABLE staffgroup_status (
    group_id     text        PRIMARY KEY,
    unusable     text,
    checked_at   timestamptz NOT NULL DEFAULT now()
);
