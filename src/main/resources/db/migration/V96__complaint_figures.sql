-- One row per complaint with what the dashboard's complaint figures read, so the figures of a year
-- (100,000 complaints) are one scan of a narrow table: the first response and "was it ever reopened"
-- otherwise take a probe into complaint_events per complaint (2 s for a year's figures). Not a daily
-- rollup: medians and 90th percentiles must stay exact, and they need every complaint's times.
-- Kept by triggers in the writing transaction (always equal to the raw rows, see V95 for why not a
-- job): complaints' own columns are copied on insert and update (the complaint row's lock orders
-- concurrent updates); complaint_events, appended only, can only move the first response earlier or
-- mark the complaint reopened, so those merges are order-free.
CREATE TABLE complaint_figures (
    complaint_id         bigint      PRIMARY KEY REFERENCES complaints ON DELETE CASCADE,
    created_at           timestamptz NOT NULL,
    tier                 text        NOT NULL,
    channel              text        NOT NULL,
    language             text        NOT NULL,
    category             text        NOT NULL,
    status               text        NOT NULL,
    sla_breached_at      timestamptz,
    followup_answered_at timestamptz,
    csat                 smallint,
    resolved_at          timestamptz,
    first_response_at    timestamptz,                     -- first taken in hand or resolved (complaint_events)
    reopened             boolean     NOT NULL DEFAULT false   -- a complaint_events row went to 'reopened'
);
CREATE INDEX complaint_figures_created ON complaint_figures (created_at);

CREATE FUNCTION complaint_figures_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO complaint_figures (complaint_id, created_at, tier, channel, language, category, status, sla_breached_at,
                                       followup_answered_at, csat, resolved_at, first_response_at, reopened)
        SELECT n.id, n.created_at, n.tier, n.channel, n.language, n.category, n.status, n.sla_breached_at,
               n.followup_answered_at, n.csat, n.resolved_at,
               (SELECT min(e.occurred_at) FROM complaint_events e
                WHERE e.complaint_id = n.id AND e.to_status IN ('in_progress', 'resolved')),
               EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = n.id AND e.to_status = 'reopened')
        FROM new_rows n ORDER BY n.id;
    ELSE
        UPDATE complaint_figures f
        SET created_at = n.created_at, tier = n.tier, channel = n.channel, language = n.language, category = n.category,
            status = n.status, sla_breached_at = n.sla_breached_at, followup_answered_at = n.followup_answered_at,
            csat = n.csat, resolved_at = n.resolved_at
        FROM new_rows n
        WHERE f.complaint_id = n.id
          AND (f.created_at, f.tier, f.channel, f.language, f.category, f.status, f.sla_breached_at, f.followup_answered_at,
               f.csat, f.resolved_at)
              IS DISTINCT FROM (n.created_at, n.tier, n.channel, n.language, n.category, n.status, n.sla_breached_at,
                                n.followup_answered_at, n.csat, n.resolved_at);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_figures_insert AFTER INSERT ON complaints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_figures_copy();
CREATE TRIGGER complaint_figures_update AFTER UPDATE ON complaints
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_figures_copy();

CREATE FUNCTION complaint_figures_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_figures f
    SET first_response_at = least(f.first_response_at, x.first_response_at), reopened = f.reopened OR x.reopened
    FROM (SELECT complaint_id,
                 min(occurred_at) FILTER (WHERE to_status IN ('in_progress', 'resolved')) AS first_response_at,
                 coalesce(bool_or(to_status = 'reopened'), false) AS reopened
          FROM new_rows GROUP BY complaint_id) x
    WHERE f.complaint_id = x.complaint_id
      AND (x.reopened AND NOT f.reopened
           OR x.first_response_at < f.first_response_at
           OR x.first_response_at IS NOT NULL AND f.first_response_at IS NULL);
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_figures_events AFTER INSERT ON complaint_events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_figures_events();

INSERT INTO complaint_figures (complaint_id, created_at, tier, channel, language, category, status, sla_breached_at,
                               followup_answered_at, csat, resolved_at, first_response_at, reopened)
SELECT c.id, c.created_at, c.tier, c.channel, c.language, c.category, c.status, c.sla_breached_at, c.followup_answered_at,
       c.csat, c.resolved_at,
       (SELECT min(e.occurred_at) FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_status IN ('in_progress', 'resolved')),
       EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_status = 'reopened')
FROM complaints c;

-- Free text: the newest negative written answers of a period (FreeText's sample of 2,000) without
-- sorting every negative answer of the year.
CREATE INDEX survey_answers_text_sentiment ON survey_answers (sentiment, answered_at DESC)
    WHERE question_type = 'text' AND NOT skipped;
