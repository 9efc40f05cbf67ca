-- A customer confirmed in the chat that they want their account closed: a request staff act on
-- (close the account, or talk them round), never just a goodbye. The conversation is also marked for
-- a person (escalation), which hands the chat to staff.
CREATE TABLE cancellation_requests (
    id           bigserial   PRIMARY KEY,
    customer_id  bigint      NOT NULL REFERENCES customers,
    case_id      bigint      REFERENCES winback_cases,
    reason       text,
    reason_text  text,
    channel      text        NOT NULL,
    chat_key     text        NOT NULL,
    status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'withdrawn')),
    requested_at timestamptz NOT NULL DEFAULT now(),
    handled_at   timestamptz
);
CREATE UNIQUE INDEX cancellation_requests_one_open ON cancellation_requests (customer_id) WHERE status = 'open';
