-- The inbox claim reads the oldest pending updates a page at a time — customers' updates first, then
-- outreach, each by id — and checks only the chats on that page, so its cost no longer grows with the
-- number of chats waiting (it grouped every pending update on each claim: 19 ms with 2,000 chats).
CREATE INDEX inbound_updates_claim ON inbound_updates ((kind IS NOT DISTINCT FROM 'outreach'), id)
    WHERE status = 'pending';
