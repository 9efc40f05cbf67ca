-- Columns that hold what a person wrote or who they are. Erasing a customer clears every column whose
-- comment starts with 'personal' (found in the catalog, so a feature marks its own columns in its
-- migration): in tables with a customer_id, and in tables that reference one through a foreign key.
-- 'personal where <condition>' clears only the rows that match, keeping anonymous answers for reports.
COMMENT ON COLUMN complaints.description IS 'personal';
COMMENT ON COLUMN complaints.order_ref IS 'personal';
COMMENT ON COLUMN complaints.attachments IS 'personal';
COMMENT ON COLUMN complaints.resolution_note IS 'personal';
COMMENT ON COLUMN survey_answers.value IS 'personal where question_type = ''text''';
