-- Event data that can hold what a person wrote or who they are moves out of events.data into its
-- own column, which erasure clears (marked 'personal', see V11). From now on each event type names
-- its plain keys and every other key is written here (EventType.plainKeys), so a key a new feature
-- adds is personal unless declared otherwise.
ALTER TABLE events ADD COLUMN personal jsonb;
COMMENT ON COLUMN events.personal IS 'personal';

-- Events written before: move the keys that held personal values (the old erasure list, and those it
-- missed: an invalid order reference, a media file id, a stale button's data, an unknown command, a
-- free-text reason).
WITH moving AS (
    SELECT e.id, array_agg(k.key) AS keys, jsonb_object_agg(k.key, k.value) AS values
    FROM events e, jsonb_each(e.data) AS k
    WHERE k.key IN ('text', 'phone', 'name', 'first_name', 'username', 'email', 'comment', 'description', 'words',
                    'started_by_text', 'caption', 'given', 'file')
       OR (e.type = 'turn.stale_button' AND k.key = 'data')
       OR (e.type = 'turn.unknown_input' AND k.key = 'what')
       OR ((e.type = 'conversation.escalation_requested' OR e.type LIKE 'complaint.%') AND k.key = 'reason')
    GROUP BY e.id
)
UPDATE events SET personal = moving.values, data = events.data - moving.keys
FROM moving WHERE events.id = moving.id;

-- Free text found outside the columns V11 marked: a lapsed customer's own words for leaving, and the
-- reasons and notes staff write into a ticket's history (a resolution note is the customer's story).
COMMENT ON COLUMN winback_cases.reason_text IS 'personal';
COMMENT ON COLUMN complaint_events.reason IS 'personal';
-- Why a chat was marked for a person can quote the customer (a win-back reason in their words).
COMMENT ON COLUMN conversations.escalation_reason IS 'personal';
