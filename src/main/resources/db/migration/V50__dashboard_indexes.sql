-- Indexes for the manager dashboard's read-only reports (every figure is filtered by a period).

-- Survey figures read the answers of the responses started in a period (and the period before): the
-- responses by start time, with the columns every breakdown groups by, so the scan stays in the index.
CREATE INDEX survey_responses_started ON survey_responses (started_at) INCLUDE (survey_id, tier, channel, language, status);
-- ... then each response's scored answers without touching the table (1,000,000 answers).
CREATE INDEX survey_answers_response_scores ON survey_answers (response_id) INCLUDE (question_type, score, skipped);
-- Free text and the low-score alerts: the newest answers of one type first.
CREATE INDEX survey_answers_type_time ON survey_answers (question_type, answered_at DESC);
-- Complaint figures and the ticket lists: complaints made in a period.
CREATE INDEX complaints_created ON complaints (created_at);
-- First response time: the first time a person took a ticket in hand or resolved it.
CREATE INDEX complaint_events_first_response ON complaint_events (complaint_id, occurred_at)
    WHERE to_status IN ('in_progress', 'resolved');
-- Offers and win-back by period.
CREATE INDEX offer_codes_issued ON offer_codes (issued_at);
CREATE INDEX winback_cases_started ON winback_cases (started_at);
-- Tier movements by period.
CREATE INDEX tier_history_changed ON tier_history (changed_at);
