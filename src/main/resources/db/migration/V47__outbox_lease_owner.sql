-- Which sender process holds a row's lease. Leases are short and renewed while the holder lives (see
-- OutboxSender), so a crashed process's rows go out again within seconds; the holder renews only its
-- own rows, never a row another process has claimed since.
ALTER TABLE outbox ADD COLUMN leased_by text;
