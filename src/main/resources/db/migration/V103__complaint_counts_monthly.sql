-- The complaint counts of complaint_figures (V96) per calendar month in UTC and every dimension the
-- dashboard groups or filters by, so a long period's counts read a few hundred rows per month
-- instead of every complaint (a year: 100,000 rows, the year view's costliest grouping). The months
-- are UTC months, whatever the business's zone: a period (whole days in the business's zone) is an
-- interval of instants, and ComplaintFigures reads the UTC months wholly inside one of its periods
-- from here and the instants around them (the period's ends, the boundary between the period and the
-- previous one) from complaint_figures: the same counts, exact, with no rebuild when the zone changes.
-- Times (medians, 90th percentiles) are not here: they stay exact, from every complaint's times.
-- Kept from complaint_figures by statement triggers in the writing transaction (see V95 for why not a
-- job): every inserted, changed or deleted complaint_figures row adds its difference to its month.
CREATE TABLE complaint_counts_monthly (
    month       timestamptz NOT NULL,   -- the first instant of the UTC month
    tier        text        NOT NULL,
    channel     text        NOT NULL,
    language    text        NOT NULL,
    category    text        NOT NULL,
    status      text        NOT NULL,
    complaints  bigint      NOT NULL,
    breached    bigint      NOT NULL,   -- sla_breached_at set
    followed_up bigint      NOT NULL,   -- followup_answered_at set
    reopened    bigint      NOT NULL,   -- followed up and reopened
    recovered   bigint      NOT NULL,   -- follow-up CSAT 4 or 5
    PRIMARY KEY (month, tier, channel, language, category, status)
);

CREATE FUNCTION complaint_counts_monthly_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- +1 per new row, -1 per old one, grouped, in key order (two writers lock their months in the same
    -- order). An update that changes nothing counted (a first response, a resolution time) nets to zero
    -- and writes nothing.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO complaint_counts_monthly AS m
        SELECT date_trunc('month', created_at, 'UTC'), tier, channel, language, category, status, sum(sign),
               coalesce(sum(sign) FILTER (WHERE sla_breached_at IS NOT NULL), 0),
               coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL), 0),
               coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL AND reopened), 0),
               coalesce(sum(sign) FILTER (WHERE csat >= 4), 0)
        FROM (SELECT created_at, tier, channel, language, category, status, sla_breached_at, followup_answered_at, reopened, csat, 1 AS sign FROM new_rows) changed
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (month, tier, channel, language, category, status) DO UPDATE
            SET complaints = m.complaints + excluded.complaints, breached = m.breached + excluded.breached,
                followed_up = m.followed_up + excluded.followed_up, reopened = m.reopened + excluded.reopened,
                recovered = m.recovered + excluded.recovered;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO complaint_counts_monthly AS m
        SELECT date_trunc('month', created_at, 'UTC'), tier, channel, language, category, status, sum(sign),
               coalesce(sum(sign) FILTER (WHERE sla_breached_at IS NOT NULL), 0),
               coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL), 0),
               coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL AND reopened), 0),
               coalesce(sum(sign) FILTER (WHERE csat >= 4), 0)
        FROM (SELECT created_at, tier, channel, language, category, status, sla_breached_at, followup_answered_at, reopened, csat, 1 AS sign FROM new_rows
              UNION ALL
              SELECT created_at, tier, channel, language, category, status, sla_breached_at, followup_answered_at, reopened, csat, -1 FROM old_rows) changed
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE sla_breached_at IS NOT NULL), 0) <> 0
            OR coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL), 0) <> 0
            OR coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL AND reopened), 0) <> 0
            OR coalesce(sum(sign) FILTER (WHERE csat >= 4), 0) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (month, tier, channel, language, category, status) DO UPDATE
            SET complaints = m.complaints + excluded.complaints, breached = m.breached + excluded.breached,
                followed_up = m.followed_up + excluded.followed_up, reopened = m.reopened + excluded.reopened,
                recovered = m.recovered + excluded.recovered;
    ELSE
        INSERT INTO complaint_counts_monthly AS m
        SELECT date_trunc('month', created_at, 'UTC'), tier, channel, language, category, status, sum(sign),
               coalesce(sum(sign) FILTER (WHERE sla_breached_at IS NOT NULL), 0),
               coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL), 0),
               coalesce(sum(sign) FILTER (WHERE followup_answered_at IS NOT NULL AND reopened), 0),
               coalesce(sum(sign) FILTER (WHERE csat >= 4), 0)
        FROM (SELECT created_at, tier, channel, language, category, status, sla_breached_at, followup_answered_at, reopened, csat, -1 AS sign FROM old_rows) changed
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (month, tier, channel, language, category, status) DO UPDATE
            SET complaints = m.complaints + excluded.complaints, breached = m.breached + excluded.breached,
                followed_up = m.followed_up + excluded.followed_up, reopened = m.reopened + excluded.reopened,
                recovered = m.recovered + excluded.recovered;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER complaint_counts_monthly_insert AFTER INSERT ON complaint_figures
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_counts_monthly_apply();
CREATE TRIGGER complaint_counts_monthly_update AFTER UPDATE ON complaint_figures
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_counts_monthly_apply();
CREATE TRIGGER complaint_counts_monthly_delete AFTER DELETE ON complaint_figures
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaint_counts_monthly_apply();

CREATE FUNCTION complaint_counts_monthly_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE complaint_counts_monthly;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_counts_monthly_truncate AFTER TRUNCATE ON complaint_figures
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_counts_monthly_truncate();

INSERT INTO complaint_counts_monthly
SELECT date_trunc('month', created_at, 'UTC'), tier, channel, language, category, status, count(*), count(sla_breached_at),
       count(followup_answered_at), count(*) FILTER (WHERE followup_answered_at IS NOT NULL AND reopened),
       count(*) FILTER (WHERE csat >= 4)
FROM complaint_figures GROUP BY 1, 2, 3, 4, 5, 6;
