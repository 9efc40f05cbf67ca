-- Outreach that arrived while the customer was in the middle of another dialogue waits here, in
-- order, and starts when that dialogue ends: a campaign must not cut off a complaint being filed.
ALTER TABLE conversations ADD COLUMN waiting_outreach jsonb NOT NULL DEFAULT '[]';
