-- A customer's edit of a message already copied into their topic: the copy is edited (a text) or the
-- new text is posted as a reply to it.
ALTER TABLE staffgroup_posts DROP CONSTRAINT staffgroup_posts_kind_check;
ALTER TABLE staffgroup_posts ADD CONSTRAINT staffgroup_posts_kind_check
    CHECK (kind IN ('card', 'customer', 'notice', 'topic', 'edit'));
ALTER TABLE staffgroup_posts ADD COLUMN edit_of bigint;   -- the topic message an edit changes
