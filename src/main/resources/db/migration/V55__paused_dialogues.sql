-- A dialogue the customer left for another one (a command, a request for a person): where it stood
-- and everything already said, so it can be resumed. One per chat: the most recently left.
CREATE TABLE paused_dialogues (
    channel    text        NOT NULL,
    chat_key   text        NOT NULL,
    flow       text        NOT NULL,
    step       text        NOT NULL,
    slots      jsonb       NOT NULL DEFAULT '{}',
    paused_at  timestamptz NOT NULL DEFAULT now(),
    -- When the customer was last asked whether to continue; null until then.
    offered_at timestamptz,
    PRIMARY KEY (channel, chat_key)
);
