-- Daily rollups of the survey tables for the manager dashboard, so its survey figures read a few
-- hundred rows per day of the period instead of every answer (1,000,000 answers: the 365-day view
-- took 0.8 s). Maintained transactionally by triggers, not by a job with a watermark:
--   * a figure from the rollup always equals the same figure counted from the raw rows, at any moment,
--     in any transaction (no lag, nothing to catch up after a restart, no job to monitor);
--   * answers are upserted (a repeated turn, a partial multiple choice confirmed) and responses change
--     status (open -> completed / expired) long after they were inserted: a serial-id watermark would
--     miss both, and rows committed out of id order;
--   * the triggers are statement-level with transition tables, so a bulk INSERT ... SELECT (the demo
--     history, an import) adds one grouped upsert per statement, and a turn's single answer one upsert
--     of one row.
-- The day is the response's start in the business's time zone (a response and its answers belong to
-- the day it was started, as on the dashboard). The zone the rollups were built in is kept in
-- survey_rollup_zone; when Rapport starts with another zone the dashboard rebuilds them.

-- The top of the scale a question was asked on: CSAT 5, NPS 10, CES 5 or 7 (set per survey with
-- ces_scale). NULL (answers from before this column) is the type's usual scale: CSAT 1-5, NPS 0-10,
-- CES 1-7; survey_answer_scale() reads it so.
ALTER TABLE survey_answers ADD COLUMN scale smallint CHECK (scale IN (5, 7, 10));
CREATE FUNCTION survey_answer_scale(question_type text, scale smallint) RETURNS smallint
    IMMUTABLE PARALLEL SAFE LANGUAGE sql
    RETURN coalesce(scale, CASE question_type WHEN 'csat' THEN 5 WHEN 'nps' THEN 10 WHEN 'ces' THEN 7 END);

CREATE TABLE survey_rollup_zone (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    zone     text    NOT NULL
);
INSERT INTO survey_rollup_zone (zone) VALUES ('UTC');

-- Scored answers (CSAT, NPS, CES; not skipped) per day and every dimension the dashboard filters by.
CREATE TABLE survey_answers_daily (
    day           date     NOT NULL,
    survey_id     text     NOT NULL,
    tier          text     NOT NULL,
    channel       text     NOT NULL,
    language      text     NOT NULL,
    question_type text     NOT NULL,
    scale         smallint NOT NULL,
    score         smallint NOT NULL,
    answers       bigint   NOT NULL,
    PRIMARY KEY (day, survey_id, tier, channel, language, question_type, scale, score)
);

-- Responses (surveys shown) and completed ones per day and dimension: the response rate.
CREATE TABLE survey_responses_daily (
    day       date   NOT NULL,
    survey_id text   NOT NULL,
    tier      text   NOT NULL,
    channel   text   NOT NULL,
    language  text   NOT NULL,
    responses bigint NOT NULL,
    completed bigint NOT NULL,
    PRIMARY KEY (day, survey_id, tier, channel, language)
);

CREATE FUNCTION survey_answers_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tz text := (SELECT zone FROM survey_rollup_zone);
BEGIN
    -- Each branch adds +1 per new counted row and -1 per old one, grouped, in key order (so two
    -- transactions touching the same days lock their rows in the same order).
    IF TG_OP = 'INSERT' THEN
        INSERT INTO survey_answers_daily AS d
        SELECT (r.started_at AT TIME ZONE tz)::date, r.survey_id, r.tier, r.channel, r.language, a.question_type,
               survey_answer_scale(a.question_type, a.scale), a.score, count(*)
        FROM new_rows a JOIN survey_responses r ON r.id = a.response_id
        WHERE a.question_type IN ('csat', 'nps', 'ces') AND a.score IS NOT NULL AND NOT a.skipped
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (day, survey_id, tier, channel, language, question_type, scale, score)
        DO UPDATE SET answers = d.answers + excluded.answers;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO survey_answers_daily AS d
        SELECT (r.started_at AT TIME ZONE tz)::date, r.survey_id, r.tier, r.channel, r.language, a.question_type,
               survey_answer_scale(a.question_type, a.scale), a.score, sum(a.delta)
        FROM (SELECT response_id, question_type, scale, score, skipped, 1 AS delta FROM new_rows
              UNION ALL
              SELECT response_id, question_type, scale, score, skipped, -1 FROM old_rows) a
        JOIN survey_responses r ON r.id = a.response_id
        WHERE a.question_type IN ('csat', 'nps', 'ces') AND a.score IS NOT NULL AND NOT a.skipped
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(a.delta) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (day, survey_id, tier, channel, language, question_type, scale, score)
        DO UPDATE SET answers = d.answers + excluded.answers;
    ELSE
        INSERT INTO survey_answers_daily AS d
        SELECT (r.started_at AT TIME ZONE tz)::date, r.survey_id, r.tier, r.channel, r.language, a.question_type,
               survey_answer_scale(a.question_type, a.scale), a.score, -count(*)
        FROM old_rows a JOIN survey_responses r ON r.id = a.response_id
        WHERE a.question_type IN ('csat', 'nps', 'ces') AND a.score IS NOT NULL AND NOT a.skipped
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (day, survey_id, tier, channel, language, question_type, scale, score)
        DO UPDATE SET answers = d.answers + excluded.answers;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER survey_answers_daily_insert AFTER INSERT ON survey_answers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_daily_apply();
CREATE TRIGGER survey_answers_daily_update AFTER UPDATE ON survey_answers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_daily_apply();
CREATE TRIGGER survey_answers_daily_delete AFTER DELETE ON survey_answers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_daily_apply();

CREATE FUNCTION survey_responses_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tz text := (SELECT zone FROM survey_rollup_zone);
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO survey_responses_daily AS d
        SELECT (started_at AT TIME ZONE tz)::date, survey_id, tier, channel, language, count(*),
               count(*) FILTER (WHERE status = 'completed')
        FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (day, survey_id, tier, channel, language)
        DO UPDATE SET responses = d.responses + excluded.responses, completed = d.completed + excluded.completed;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Most updates only touch answered_at: they net out to nothing and write nothing.
        INSERT INTO survey_responses_daily AS d
        SELECT (started_at AT TIME ZONE tz)::date, survey_id, tier, channel, language, sum(delta),
               coalesce(sum(delta) FILTER (WHERE status = 'completed'), 0)
        FROM (SELECT started_at, survey_id, tier, channel, language, status, 1 AS delta FROM new_rows
              UNION ALL
              SELECT started_at, survey_id, tier, channel, language, status, -1 FROM old_rows) changed
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(delta) <> 0 OR coalesce(sum(delta) FILTER (WHERE status = 'completed'), 0) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (day, survey_id, tier, channel, language)
        DO UPDATE SET responses = d.responses + excluded.responses,
                      completed = d.completed + excluded.completed;
    ELSE
        INSERT INTO survey_responses_daily AS d
        SELECT (started_at AT TIME ZONE tz)::date, survey_id, tier, channel, language, -count(*),
               -count(*) FILTER (WHERE status = 'completed')
        FROM old_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (day, survey_id, tier, channel, language)
        DO UPDATE SET responses = d.responses + excluded.responses, completed = d.completed + excluded.completed;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER survey_responses_daily_insert AFTER INSERT ON survey_responses
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_responses_daily_apply();
CREATE TRIGGER survey_responses_daily_update AFTER UPDATE ON survey_responses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_responses_daily_apply();
CREATE TRIGGER survey_responses_daily_delete AFTER DELETE ON survey_responses
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_responses_daily_apply();

-- A response's answers are counted under the response's day and dimensions, which the answers'
-- trigger reads from survey_responses. A cascaded delete would run after the response is gone, so a
-- deleted response's answers are deleted first, while the response can still be read.
CREATE FUNCTION survey_responses_delete_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM survey_answers WHERE response_id = OLD.id;
    RETURN OLD;
END $$;
CREATE TRIGGER survey_responses_delete_answers BEFORE DELETE ON survey_responses
    FOR EACH ROW EXECUTE FUNCTION survey_responses_delete_answers();

CREATE FUNCTION survey_rollups_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'survey_answers' THEN
        TRUNCATE survey_answers_daily;
    ELSE
        TRUNCATE survey_responses_daily;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER survey_answers_daily_truncate AFTER TRUNCATE ON survey_answers
    FOR EACH STATEMENT EXECUTE FUNCTION survey_rollups_truncate();
CREATE TRIGGER survey_responses_daily_truncate AFTER TRUNCATE ON survey_responses
    FOR EACH STATEMENT EXECUTE FUNCTION survey_rollups_truncate();

-- The rows already there, in UTC (the dashboard rebuilds them at start when its zone differs).
INSERT INTO survey_responses_daily
SELECT (started_at AT TIME ZONE 'UTC')::date, survey_id, tier, channel, language, count(*),
       count(*) FILTER (WHERE status = 'completed')
FROM survey_responses GROUP BY 1, 2, 3, 4, 5;
INSERT INTO survey_answers_daily
SELECT (r.started_at AT TIME ZONE 'UTC')::date, r.survey_id, r.tier, r.channel, r.language, a.question_type,
       survey_answer_scale(a.question_type, a.scale), a.score, count(*)
FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
WHERE a.question_type IN ('csat', 'nps', 'ces') AND a.score IS NOT NULL AND NOT a.skipped
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
