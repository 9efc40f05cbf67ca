-- The buttons Rapport has shown in each chat (their callback data), written in the turn that sends
-- them. A press is accepted only for data found here, so a forged button (a web chat post or a
-- Telegram callback with data Rapport never sent) cannot start a flow or answer a question. The
-- data is flow, step and option ids from conversations/, never what a person wrote. Erasure renames
-- the chat like every table with channel and chat_key.
CREATE TABLE offered_buttons (
    channel    text        NOT NULL,
    chat_key   text        NOT NULL,
    data       text        NOT NULL,
    offered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, chat_key, data)
);

-- Buttons already shown before this table existed stay pressable.
INSERT INTO offered_buttons (channel, chat_key, data)
SELECT DISTINCT m.channel, m.chat_key, button ->> 'data'
FROM messages m,
     jsonb_array_elements(CASE WHEN jsonb_typeof(m.buttons) = 'array' THEN m.buttons ELSE '[]' END) AS button_row,
     jsonb_array_elements(CASE WHEN jsonb_typeof(button_row) = 'array' THEN button_row ELSE '[]' END) AS button
WHERE m.direction = 'out' AND m.buttons IS NOT NULL AND button ->> 'data' IS NOT NULL
ON CONFLICT DO NOTHING;
