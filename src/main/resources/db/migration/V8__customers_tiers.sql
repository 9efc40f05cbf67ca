-- Customers and tiers: imported customers that chats link to, the tier history of the customer
-- pyramid, single-use deep-link tokens, and an audit log of what staff did with personal data.

ALTER TABLE customers
    ADD COLUMN merged_into bigint REFERENCES customers,    -- an auto-created chat customer merged into an imported one
    ADD COLUMN erased_at   timestamptz,                    -- personal data removed on request; counts stay
    ADD COLUMN tier_changed_at timestamptz;

-- Every change of a customer's tier, kept for reports ("who moved up this quarter").
CREATE TABLE tier_history (
    id          bigserial     PRIMARY KEY,
    customer_id bigint        NOT NULL REFERENCES customers,
    from_tier   text          NOT NULL,
    to_tier     text          NOT NULL,
    value       numeric(16,2) NOT NULL,                    -- the value the new tier was decided on
    rank        bigint,                                    -- 1 = most valuable; null when the value is zero
    changed_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX tier_history_customer ON tier_history (customer_id, changed_at);

-- Deep links (https://t.me/<bot>?start=<token>) that link a chat to a customer. Only a digest of the
-- token is stored; a token works once and until it expires.
CREATE TABLE link_tokens (
    token_digest text        PRIMARY KEY,                  -- SHA-256 of the token, hex
    customer_id  bigint      NOT NULL REFERENCES customers,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    used_channel text,
    used_chat_key text
);
CREATE INDEX link_tokens_customer ON link_tokens (customer_id);

-- Who did what with a customer's data (export, erase, link) and with the customer base (imports).
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    actor       text        NOT NULL,                      -- the OS user or --by
    action      text        NOT NULL,                      -- customers.export, customers.erase, ...
    customer_id bigint,
    details     jsonb       NOT NULL DEFAULT '{}',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_customer ON audit_log (customer_id, at);

-- Linking merges a chat's record into a customer's by customer_id in every table; conversations had
-- no index on it.
CREATE INDEX conversations_customer ON conversations (customer_id);
