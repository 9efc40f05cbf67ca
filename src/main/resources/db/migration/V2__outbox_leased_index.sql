-- The outbox sender claims nothing of a chat while one of its rows is leased (being sent). This
-- index holds only leased pending rows, so that check stays cheap however many sent rows the
-- table keeps.
CREATE INDEX outbox_leased ON outbox (channel, chat_key) WHERE status = 'pending' AND lease_until IS NOT NULL;
