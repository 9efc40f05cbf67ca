-- A strongly negative message marks its conversation for a person; the handoff work acts on it.
ALTER TABLE conversations
    ADD COLUMN escalation_signaled_at timestamptz,
    ADD COLUMN escalation_reason      text;
