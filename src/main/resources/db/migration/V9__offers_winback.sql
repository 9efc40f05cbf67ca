-- Offers: each customer's redeemable code for an offer, the campaign sends that deliver them, and
-- win-back cases. State lives in these rows, never in memory, so a campaign or a scan interrupted by
-- a restart goes on where it stopped.

-- One code per customer and offer, issued when the customer first sees the offer (menu, campaign or
-- win-back). The code is random (SecureRandom) and unique; it can be redeemed once.
CREATE TABLE offer_codes (
    code         text          PRIMARY KEY,
    offer_id     text          NOT NULL,
    customer_id  bigint        NOT NULL REFERENCES customers,
    tier         text          NOT NULL,                  -- the customer's tier when it was issued
    value        numeric(14,2) NOT NULL,                  -- counted against the offer's budget
    issued_via   text          NOT NULL CHECK (issued_via IN ('menu', 'campaign', 'winback')),
    issued_at    timestamptz   NOT NULL DEFAULT now(),
    redeemed_at  timestamptz,
    redeemed_via text,                                    -- api or cli
    UNIQUE (offer_id, customer_id)
);
CREATE INDEX offer_codes_customer ON offer_codes (customer_id, issued_at);

-- A campaign's planned send: one row per offer and customer, so planning twice sends once. The job
-- offer.campaign_sends claims due rows, checks consent again and sends, defers or skips each.
CREATE TABLE offer_sends (
    id          bigserial   PRIMARY KEY,
    offer_id    text        NOT NULL,
    customer_id bigint      NOT NULL REFERENCES customers,
    tier        text        NOT NULL,
    status      text        NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'sent', 'skipped')),
    due_at      timestamptz NOT NULL DEFAULT now(),       -- moved to the end of quiet hours when planned inside them
    planned_at  timestamptz NOT NULL DEFAULT now(),
    done_at     timestamptz,
    skip_reason text,                                     -- opted_out, unreachable, open_complaint, recently_offered, budget, expired
    UNIQUE (offer_id, customer_id)
);
CREATE INDEX offer_sends_due ON offer_sends (due_at, id) WHERE status = 'planned';

-- A win-back dialogue with one customer: why it started, what they answered, what we did, and how
-- it ended. response: answered (gave a reason), declined, no_answer. outcome: won_back or lost.
CREATE TABLE winback_cases (
    id           bigserial   PRIMARY KEY,
    customer_id  bigint      NOT NULL REFERENCES customers,
    tier         text        NOT NULL,
    trigger      text        NOT NULL CHECK (trigger IN ('lapsed', 'cancel')),
    started_at   timestamptz NOT NULL DEFAULT now(),
    reason       text,                                    -- price, quality, service, delivery, alternative, no_need, other
    reason_text  text,                                    -- the customer's words for 'other'
    offer_code   text        REFERENCES offer_codes,
    escalated    boolean     NOT NULL DEFAULT false,
    response     text        CHECK (response IN ('answered', 'declined', 'no_answer')),
    responded_at timestamptz,
    outcome      text        CHECK (outcome IN ('won_back', 'lost')),
    outcome_at   timestamptz
);
CREATE INDEX winback_cases_customer ON winback_cases (customer_id, started_at);
-- One undecided case per customer: two scans running at once cannot both approach them, and a
-- customer who says "cancel" while a case is open continues that case.
CREATE UNIQUE INDEX winback_cases_open ON winback_cases (customer_id) WHERE outcome IS NULL;
