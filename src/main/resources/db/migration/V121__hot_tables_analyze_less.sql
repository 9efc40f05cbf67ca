-- No planner statistics for the large free-form columns of the tables every update writes. Their
-- autoanalyze runs every 2,000 changed rows on the inbox and the outbox (V10), and each one read and
-- compared some thousands of JSON bodies and texts that no query filters or joins on; the bench put
-- a quarter of PostgreSQL's CPU per update in processes that had ended, which is where autovacuum
-- and autoanalyze run. The planner falls back to its default estimates for these columns, which is
-- what it needs: nothing selects rows by them.
ALTER TABLE inbound_updates ALTER COLUMN payload SET STATISTICS 0, ALTER COLUMN raw_body SET STATISTICS 0;
ALTER TABLE outbox ALTER COLUMN reply SET STATISTICS 0, ALTER COLUMN last_error SET STATISTICS 0;
ALTER TABLE messages ALTER COLUMN text SET STATISTICS 0, ALTER COLUMN buttons SET STATISTICS 0;
ALTER TABLE events ALTER COLUMN data SET STATISTICS 0, ALTER COLUMN personal SET STATISTICS 0;
