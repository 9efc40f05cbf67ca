-- The planner's view of which survey answers carry a sentiment. Only written answers have one, but
-- without statistics on the columns together PostgreSQL multiplies their selectivities and expects a
-- hundredth of the negative written answers of a period (223 of 45,828 in a year of 1,000,000
-- answers). For the dashboard's newest negative answers it then collects and sorts every one of them
-- (0.4 s) instead of walking survey_answers_text_sentiment newest first and stopping at the
-- sample's size (a few ms). A multi-column MCV list holds the real combinations.
CREATE STATISTICS survey_answers_type_sentiment (mcv) ON question_type, sentiment, skipped FROM survey_answers;
ANALYZE survey_answers;
