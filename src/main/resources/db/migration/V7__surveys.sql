-- Satisfaction surveys: one response per customer per trigger, one row per answer.

-- A survey shown to a customer. trigger says why: 'menu' (the customer asked), 'campaign:<name>',
-- 'complaint:<ticket>'. tier, channel and language are the customer's at the time, so results by
-- tier stay true after the customer moves tier. context keeps the slots the survey's finish action
-- needs (a ticket number), so a survey resumed days later still has them.
CREATE TABLE survey_responses (
    id           bigserial   PRIMARY KEY,
    survey_id    text        NOT NULL,
    customer_id  bigint      NOT NULL REFERENCES customers,
    trigger      text        NOT NULL,
    status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'expired')),
    tier         text        NOT NULL,
    channel      text        NOT NULL,
    chat_key     text        NOT NULL,
    language     text        NOT NULL,
    context      jsonb       NOT NULL DEFAULT '{}',
    started_at   timestamptz NOT NULL DEFAULT now(),
    answered_at  timestamptz,                             -- the last answer
    finished_at  timestamptz                              -- completed or expired
);
-- One response per customer per trigger; the menu may be used again once a response is finished.
CREATE UNIQUE INDEX survey_responses_trigger ON survey_responses (survey_id, customer_id, trigger)
    WHERE trigger <> 'menu';
CREATE INDEX survey_responses_customer ON survey_responses (customer_id, started_at);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, started_at);
CREATE INDEX survey_responses_open ON survey_responses (started_at) WHERE status = 'open';

-- One answer to one question. score holds CSAT 1-5, NPS 0-10 and CES 1-7; value the chosen option,
-- the options of a multiple choice joined by commas, or the free text; sentiment is the NLU reading
-- of a free text. A skipped optional question has a row with skipped = true.
CREATE TABLE survey_answers (
    id              bigserial   PRIMARY KEY,
    response_id     bigint      NOT NULL REFERENCES survey_responses ON DELETE CASCADE,
    question_id     text        NOT NULL,
    question_type   text        NOT NULL CHECK (question_type IN ('csat', 'nps', 'ces', 'single', 'multiple', 'text')),
    score           smallint,
    value           text,
    skipped         boolean     NOT NULL DEFAULT false,
    sentiment       text,
    sentiment_score real,
    answered_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (response_id, question_id)
);

-- A campaign's invitation: the customer was chosen and the survey queued through the outbox path.
-- Unique per campaign, so a campaign run twice invites each customer once.
CREATE TABLE survey_invitations (
    id          bigserial   PRIMARY KEY,
    survey_id   text        NOT NULL,
    campaign    text        NOT NULL,
    customer_id bigint      NOT NULL REFERENCES customers,
    tier        text        NOT NULL,
    invited_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign, customer_id)
);
CREATE INDEX survey_invitations_customer ON survey_invitations (customer_id, invited_at);
