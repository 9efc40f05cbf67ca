-- Staff accounts are on main now: a link belongs to an account and goes with it; a one-time code lets a
-- staff member link their own Telegram account by sending /link CODE in the staff group.
DELETE FROM staffgroup_staff_links link WHERE NOT EXISTS (SELECT 1 FROM staff WHERE staff.id = link.staff_id);
ALTER TABLE staffgroup_staff_links
    ADD CONSTRAINT staffgroup_staff_links_staff FOREIGN KEY (staff_id) REFERENCES staff (id) ON DELETE CASCADE;

CREATE TABLE staffgroup_link_codes (
    code        text        PRIMARY KEY,               -- what the staff member sends: /link CODE
    staff_id    bigint      NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX staffgroup_link_codes_staff ON staffgroup_link_codes (staff_id);

-- Answers in the General topic (to /link) belong to no customer.
ALTER TABLE staffgroup_posts ALTER COLUMN customer_id DROP NOT NULL;
