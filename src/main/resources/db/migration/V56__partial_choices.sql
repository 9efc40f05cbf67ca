-- A multiple-choice answer the customer has started but not confirmed with "Done": the options
-- chosen so far, kept so that resuming the survey keeps them and exports show them (not "skipped").
ALTER TABLE survey_answers ADD COLUMN partial boolean NOT NULL DEFAULT false;
