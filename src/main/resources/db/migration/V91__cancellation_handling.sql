-- Staff settle a cancellation request in the console: what they did (the account closed: 'done'; the
-- customer stays: 'withdrawn'), a note, and who. The customer's own words for the reason are personal
-- (as winback_cases.reason_text is); so is the staff note, which is about the customer.
ALTER TABLE cancellation_requests ADD COLUMN handled_note text;
ALTER TABLE cancellation_requests ADD COLUMN handled_by bigint REFERENCES staff;
COMMENT ON COLUMN cancellation_requests.reason_text IS 'personal';
COMMENT ON COLUMN cancellation_requests.handled_note IS 'personal';
CREATE INDEX cancellation_requests_open ON cancellation_requests (requested_at) WHERE status = 'open';
