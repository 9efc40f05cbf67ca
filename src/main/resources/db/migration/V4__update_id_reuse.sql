-- Telegram picks update ids at random after a week without updates, so an id seen long ago can come
-- back on a different update. A redelivery repeats the same update; a reused id carries another one.
-- Deduplicate on the id together with the content, so the second is stored and answered too.
ALTER TABLE inbound_updates
    ADD COLUMN content_hash text GENERATED ALWAYS AS (md5(coalesce(payload::text, raw_body, ''))) STORED;
DROP INDEX inbound_updates_dedup;
CREATE UNIQUE INDEX inbound_updates_dedup ON inbound_updates (channel, update_id, content_hash);
