-- Web chat sessions are issued by the server. The browser holds a random secret in a cookie; only
-- its SHA-256 (the chat key) is stored, so the table cannot be used to take over a chat.
CREATE TABLE webchat_sessions (
    chat_key   text        PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webchat_sessions_created ON webchat_sessions (created_at);

-- Web chat update ids: one per post from the database, so posts to one chat through different
-- instances keep the order they were made in (blocks of 100 per process did not).
ALTER SEQUENCE webchat_update_ids INCREMENT BY 1;
