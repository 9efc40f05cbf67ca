-- Files customers send through the web chat (photos, PDFs). Telegram keeps the files sent to a bot and
-- Rapport holds only their file ids; the web chat has no such store, so the bytes are kept here. A
-- message refers to its file by messages.file_ref: 'webchat:<chat_files.id>' for the web chat, the
-- file id for Telegram. A complaint's attachments and the message.media event carry the same reference.
-- The chat's customer is known when the file arrives (the page opens the chat first); erasing the
-- customer clears the bytes and the name (columns marked personal).
CREATE TABLE chat_files (
    id           bigserial   PRIMARY KEY,
    channel      text        NOT NULL,
    chat_key     text        NOT NULL,
    customer_id  bigint      NOT NULL REFERENCES customers,
    kind         text        NOT NULL CHECK (kind IN ('photo', 'document')),
    content_type text        NOT NULL,
    file_name    text,
    size_bytes   integer     NOT NULL,
    bytes        bytea,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_files_chat ON chat_files (channel, chat_key);
CREATE INDEX chat_files_customer ON chat_files (customer_id);
COMMENT ON COLUMN chat_files.bytes IS 'personal';
COMMENT ON COLUMN chat_files.file_name IS 'personal';

ALTER TABLE messages ADD COLUMN file_ref text;
COMMENT ON COLUMN messages.file_ref IS 'personal';
