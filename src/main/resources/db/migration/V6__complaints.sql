-- Complaints: a ticket per complaint, its whole history, and the per-day counter behind ticket numbers.

-- Ticket numbers read over the phone: C-YYMMDD-NNNN, the date in the business's time zone and a
-- sequence that starts again each day. The row of a day is locked while its next number is taken.
CREATE TABLE complaint_ticket_days (
    day  date PRIMARY KEY,
    last int  NOT NULL
);

CREATE TABLE complaints (
    id                   bigserial   PRIMARY KEY,
    ticket               text        NOT NULL UNIQUE,
    customer_id          bigint      NOT NULL REFERENCES customers,
    channel              text        NOT NULL,            -- the chat the complaint was made in
    chat_key             text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed', 'reopened')),
    category             text        NOT NULL CHECK (category IN ('product', 'delivery', 'service', 'billing', 'other')),
    description          text        NOT NULL,
    order_ref            text,                            -- null when the customer skipped it
    attachments          jsonb       NOT NULL DEFAULT '[]',   -- [{"kind": "photo", "file": "<channel file id>"}]
    language             text        NOT NULL,
    tier                 text        NOT NULL,            -- the customer's tier when the complaint was made
    priority             text        NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    sla_hours            int         NOT NULL,
    due_at               timestamptz NOT NULL,            -- a person answers by then (the promised response time)
    sla_breached_at      timestamptz,                     -- set once when due_at passed without an answer
    resolved_at          timestamptz,
    resolution_note      text,                            -- what staff told the customer
    followup_sent_at     timestamptz,                     -- the follow-up survey was queued (or skipped: see events)
    followups_sent       int         NOT NULL DEFAULT 0,
    followup_answered_at timestamptz,
    csat                 smallint    CHECK (csat BETWEEN 1 AND 5),
    closed_at            timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaints_customer ON complaints (customer_id, created_at);
CREATE INDEX complaints_status ON complaints (status, created_at);
-- What the SLA check looks at: unanswered tickets not yet marked breached.
CREATE INDEX complaints_due ON complaints (due_at)
    WHERE status IN ('open', 'reopened') AND sla_breached_at IS NULL;
-- What the follow-up jobs look at: resolved tickets.
CREATE INDEX complaints_resolved ON complaints (resolved_at) WHERE status = 'resolved';

-- Every change of a complaint, with who made it and why. Appended only.
CREATE TABLE complaint_events (
    id           bigserial   PRIMARY KEY,
    complaint_id bigint      NOT NULL REFERENCES complaints,
    type         text        NOT NULL,                    -- opened, status_changed, sla_breached, followup_sent, ...
    from_status  text,
    to_status    text,
    actor        text        NOT NULL,                    -- customer, staff:<name>, system:<job>
    reason       text,
    data         jsonb       NOT NULL DEFAULT '{}',
    occurred_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);
