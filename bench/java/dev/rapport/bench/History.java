package dev.rapport.bench;

import dev.rapport.store.Database;

/**
 * Fills Rapport's database with {@code --history} updates already answered, before Rapport starts: a
 * database that has served for months, whose message-path tables hold far more rows than the window
 * adds. What the fixed-size benchmark database hides shows here: work that grows with the tables
 * (vacuuming their indexes whole, scans) rather than with the updates. Per update: the stored update
 * (processed), its inbound message and text reply in the log, the reply's outbox row (sent) and two
 * events; 1,000 customers with one chat each, apart from the benchmark's chats. One statement per
 * table ({@code generate_series}), then {@code VACUUM ANALYZE}, as autovacuum would have left them.
 */
final class History {

    private static final int CUSTOMERS = 1_000;

    private History() {}

    static void fill(Database database, int updates) {
        if (updates <= 0) {
            return;
        }
        long started = System.nanoTime();
        database.jdbi().useHandle(handle -> {
            handle.execute("""
                    INSERT INTO customers (name, language)
                    SELECT 'history ' || n, 'en' FROM generate_series(1, ?) AS n""", CUSTOMERS);
            handle.execute("""
                    INSERT INTO channel_accounts (channel, chat_key, customer_id)
                    SELECT 'telegram', 'history-' || c.id, c.id FROM customers c WHERE c.name LIKE 'history %'""");
            handle.execute("""
                    INSERT INTO inbound_updates (channel, update_id, chat_key, kind, payload, status, received_at,
                                                 processed_at)
                    SELECT 'telegram', 900000000 + n, 'history-' || (1 + n % ?), 'message',
                           jsonb_build_object('update_id', 900000000 + n,
                                              'message', jsonb_build_object('message_id', n, 'text', '/help',
                                                  'chat', jsonb_build_object('id', n % ?, 'type', 'private'))),
                           'processed', now() - interval '90 days' + n * interval '1 second',
                           now() - interval '90 days' + n * interval '1 second'
                    FROM generate_series(1, ?) AS n""", CUSTOMERS, CUSTOMERS, updates);
            handle.execute("""
                    INSERT INTO messages (direction, channel, chat_key, customer_id, inbound_update_id, kind, text,
                                          created_at)
                    SELECT d.direction, 'telegram', u.chat_key, a.customer_id,
                           CASE WHEN d.direction = 'in' THEN u.id END, 'text',
                           CASE WHEN d.direction = 'in' THEN '/help' ELSE 'Here is what I can do: ...' END,
                           u.received_at
                    FROM inbound_updates u
                    JOIN channel_accounts a ON a.channel = u.channel AND a.chat_key = u.chat_key
                    CROSS JOIN (VALUES ('in'), ('out')) AS d(direction)
                    WHERE u.chat_key LIKE 'history-%'""");
            handle.execute("""
                    INSERT INTO outbox (dedup_key, channel, chat_key, message_id, reply, status, attempts,
                                        external_id, created_at, sent_at)
                    SELECT 'history:' || m.id, m.channel, m.chat_key, m.id,
                           jsonb_build_object('type', 'text', 'text', m.text), 'sent', 1, m.id::text,
                           m.created_at, m.created_at
                    FROM messages m WHERE m.direction = 'out' AND m.chat_key LIKE 'history-%'""");
            handle.execute("""
                    INSERT INTO events (type, channel, chat_key, customer_id, data, occurred_at)
                    SELECT e.type, 'telegram', u.chat_key, a.customer_id, '{"flow": "help"}', u.received_at
                    FROM inbound_updates u
                    JOIN channel_accounts a ON a.channel = u.channel AND a.chat_key = u.chat_key
                    CROSS JOIN (VALUES ('flow.started'), ('flow.finished')) AS e(type)
                    WHERE u.chat_key LIKE 'history-%'""");
            handle.execute("VACUUM ANALYZE");
        });
        System.out.printf(
                "  history: %,d updates answered in the database, filled in %.0f s%n",
                updates, (System.nanoTime() - started) / 1e9);
    }
}
