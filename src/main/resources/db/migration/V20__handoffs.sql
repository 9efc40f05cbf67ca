-- A chat handed to a person: every escalation opens one or adds its reason to the open one. While a
-- handoff is open (waiting or claimed) the bot stays silent in that chat.
CREATE TABLE handoffs (
    id                bigserial   PRIMARY KEY,
    channel           text        NOT NULL,
    chat_key          text        NOT NULL,
    customer_id       bigint      NOT NULL REFERENCES customers,
    state             text        NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'claimed', 'closed')),
    -- [{"reason": "asked_for_person", "detail": "...", "at": "..."}, ...], in the order they came
    reasons           jsonb       NOT NULL DEFAULT '[]',
    -- 0 = urgent, 1 = high, 2 = normal, 3 = low: the most urgent of the reasons
    priority          int         NOT NULL DEFAULT 2,
    tier              text        NOT NULL,                -- the customer's tier when it opened
    for_manager       boolean     NOT NULL DEFAULT false,  -- a reason asks for a manager (a low CSAT after a handoff)
    owner_id          bigint,                              -- the staff member who has it (claimed)
    owner_name        text,
    opened_at         timestamptz NOT NULL DEFAULT now(),
    claimed_at        timestamptz,                         -- first claimed
    first_response_at timestamptz,                         -- first staff reply
    flagged_at        timestamptz,                         -- nobody answered in time: told the customer again, flagged
    closed_at         timestamptz,
    closed_by_id      bigint,
    closed_by_name    text,
    csat              int CHECK (csat BETWEEN 1 AND 5)   -- the customer's rating of the conversation with the person
);
CREATE UNIQUE INDEX handoffs_one_open ON handoffs (channel, chat_key) WHERE state <> 'closed';
CREATE INDEX handoffs_open ON handoffs (priority, opened_at) WHERE state <> 'closed';
CREATE INDEX handoffs_customer ON handoffs (customer_id, id);

-- Staff replies are logged with who wrote them; customer and staff messages during a handoff name it.
ALTER TABLE messages
    ADD COLUMN staff_id   bigint,
    ADD COLUMN staff_name text,
    ADD COLUMN handoff_id bigint REFERENCES handoffs;
CREATE INDEX messages_handoff ON messages (handoff_id) WHERE handoff_id IS NOT NULL;
