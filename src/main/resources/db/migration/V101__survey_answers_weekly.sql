-- The daily survey answer counts (V95) summed per week, so a long period reads about a fifth of the
-- rows: a year of 1,000,000 answers is 103,000 daily rows but 21,000 weekly ones (the year view's
-- survey figures took 0.2 s of its 0.6 s). The dashboard reads whole weeks of a period here and the
-- days of the weeks its period boundaries cut from survey_answers_daily (SurveyFigures).
-- A week is named by its Monday: day - ((day - DATE '1900-01-01') % 7), 1900-01-01 being a Monday;
-- the day is already the business's day, so the week is the business's week.
-- Kept from survey_answers_daily by statement triggers in the same transaction (see V95 for why not a
-- job): every change of a daily row adds its difference to its week, so a week always equals the sum
-- of its days, also through a zone rebuild (which deletes and re-inserts the daily rows). The weekly
-- rows are written after the daily ones, in key order, by the same statement.
CREATE TABLE survey_answers_weekly (
    week          date     NOT NULL,
    survey_id     text     NOT NULL,
    tier          text     NOT NULL,
    channel       text     NOT NULL,
    language      text     NOT NULL,
    question_type text     NOT NULL,
    scale         smallint NOT NULL,
    score         smallint NOT NULL,
    answers       bigint   NOT NULL,
    PRIMARY KEY (week, survey_id, tier, channel, language, question_type, scale, score)
);

CREATE FUNCTION survey_week(day date) RETURNS date IMMUTABLE PARALLEL SAFE LANGUAGE sql
    RETURN day - ((day - DATE '1900-01-01') % 7);

CREATE FUNCTION survey_answers_weekly_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An INSERT ... ON CONFLICT DO UPDATE on the daily rollup fires both the INSERT trigger (rows it
    -- inserted) and the UPDATE trigger (rows it updated, old and new): each adds its own difference.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO survey_answers_weekly AS w
        SELECT survey_week(day), survey_id, tier, channel, language, question_type, scale, score, sum(answers)
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(answers) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (week, survey_id, tier, channel, language, question_type, scale, score)
        DO UPDATE SET answers = w.answers + excluded.answers;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO survey_answers_weekly AS w
        SELECT survey_week(day), survey_id, tier, channel, language, question_type, scale, score, sum(answers)
        FROM (SELECT day, survey_id, tier, channel, language, question_type, scale, score, answers FROM new_rows
              UNION ALL
              SELECT day, survey_id, tier, channel, language, question_type, scale, score, -answers FROM old_rows) changed
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(answers) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (week, survey_id, tier, channel, language, question_type, scale, score)
        DO UPDATE SET answers = w.answers + excluded.answers;
    ELSE
        INSERT INTO survey_answers_weekly AS w
        SELECT survey_week(day), survey_id, tier, channel, language, question_type, scale, score, -sum(answers)
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(answers) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (week, survey_id, tier, channel, language, question_type, scale, score)
        DO UPDATE SET answers = w.answers + excluded.answers;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER survey_answers_weekly_insert AFTER INSERT ON survey_answers_daily
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_weekly_apply();
CREATE TRIGGER survey_answers_weekly_update AFTER UPDATE ON survey_answers_daily
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_weekly_apply();
CREATE TRIGGER survey_answers_weekly_delete AFTER DELETE ON survey_answers_daily
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_weekly_apply();

CREATE FUNCTION survey_answers_weekly_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE survey_answers_weekly;
    RETURN NULL;
END $$;
CREATE TRIGGER survey_answers_weekly_truncate AFTER TRUNCATE ON survey_answers_daily
    FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_weekly_truncate();

INSERT INTO survey_answers_weekly
SELECT survey_week(day), survey_id, tier, channel, language, question_type, scale, score, sum(answers)
FROM survey_answers_daily GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(answers) <> 0;
