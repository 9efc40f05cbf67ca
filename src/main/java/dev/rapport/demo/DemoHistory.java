package dev.rapport.demo;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A plausible past for the customers already in the database, so the manager dashboard has something
 * to show: survey responses with CSAT, NPS, CES and written answers in both languages (happier in the
 * higher tiers), complaints with their ticket history (taken in hand, resolved, some late, some
 * reopened after an unhappy follow-up), chat messages, offer codes, win-back cases and tier changes,
 * spread over the last {@code days} days. Generated in SQL with {@code generate_series} and a fixed
 * seed, so a million rows take seconds and two runs of the same size look alike. Rows it makes are
 * marked (tickets {@code D-…}, chats {@code demo-…}) and never collide with real ones. Stateless;
 * thread-safe.
 *
 * @see #generate
 */
public final class DemoHistory {

    /** How much history to make; a size of 0 makes none of that kind. */
    public record Size(long responses, long complaints, long messages, int days) {
        /** Enough for the first-run demo shop's dashboard to look alive. */
        public static final Size DEMO = new Size(1_200, 160, 3_000, 120);
    }

    private DemoHistory() {}

    /** Adds the history in one transaction; needs customers (returns false without any). */
    public static boolean generate(Jdbi jdbi, Size size) {
        return jdbi.inTransaction(handle -> {
            long customers = handle.createQuery("SELECT count(*) FROM customers WHERE merged_into IS NULL")
                    .mapTo(Long.class)
                    .one();
            if (customers == 0) {
                return false;
            }
            handle.execute("SELECT setseed(0.13)");
            handle.execute("""
                    CREATE TEMP TABLE demo_people ON COMMIT DROP AS
                    SELECT row_number() OVER (ORDER BY id) AS n, id, tier, language FROM customers WHERE merged_into IS NULL""");
            handle.execute("CREATE INDEX ON demo_people (n)");
            handle.execute("ANALYZE demo_people");
            surveys(handle, size, customers);
            complaints(handle, size, customers);
            messages(handle, size, customers);
            offersAndWinback(handle, size, customers);
            return true;
        });
    }

    private static void surveys(Handle handle, Size size, long customers) {
        handle.execute("""
                INSERT INTO survey_responses (survey_id, customer_id, trigger, status, tier, channel, chat_key, language,
                                              started_at, answered_at, finished_at)
                SELECT CASE WHEN i % 5 = 0 THEN 'complaint_followup' ELSE 'feedback' END, p.id,
                       CASE WHEN i % 5 = 0 THEN 'complaint:D-demo-' || i ELSE 'menu' END,
                       CASE WHEN r < 0.82 THEN 'completed' WHEN r < 0.95 THEN 'expired' ELSE 'open' END,
                       p.tier, CASE WHEN i % 3 = 0 THEN 'webchat' ELSE 'telegram' END, 'demo-' || p.id, p.language,
                       t, t + interval '3 minutes', CASE WHEN r < 0.95 THEN t + interval '5 minutes' END
                FROM (SELECT i, random() AS r, 1 + floor(random() * ?)::bigint AS n,
                             now() - random() * make_interval(days => ?) AS t FROM generate_series(1, ?) i) g
                JOIN demo_people p ON p.n = g.n""", customers, size.days(), size.responses());
        // Scores lean happier in higher tiers: u is skewed towards 1 for key customers.
        handle.execute("""
                CREATE TEMP TABLE demo_new_responses ON COMMIT DROP AS
                SELECT r.id, r.survey_id, r.status, r.started_at, r.language,
                       power(random(), CASE r.tier WHEN 'key' THEN 0.45 WHEN 'major' THEN 0.6 WHEN 'ordinary' THEN 0.8 ELSE 1.0 END) AS u
                FROM survey_responses r WHERE r.chat_key LIKE 'demo-%' AND NOT EXISTS (SELECT 1 FROM survey_answers a WHERE a.response_id = r.id)""");
        handle.execute("""
                INSERT INTO survey_answers (response_id, question_id, question_type, score, answered_at)
                SELECT id, 'csat', 'csat', least(5, 1 + floor(u * 5.2))::smallint, started_at + interval '1 minute'
                FROM demo_new_responses""");
        handle.execute("""
                INSERT INTO survey_answers (response_id, question_id, question_type, score, answered_at)
                SELECT id, 'nps', 'nps', least(10, floor(u * 11.5))::smallint, started_at + interval '2 minutes'
                FROM demo_new_responses WHERE survey_id = 'feedback' AND (status = 'completed' OR random() < 0.5)""");
        handle.execute("""
                INSERT INTO survey_answers (response_id, question_id, question_type, score, answered_at)
                SELECT id, 'ces', 'ces', least(7, 1 + floor(u * 7.3))::smallint, started_at + interval '3 minutes'
                FROM demo_new_responses WHERE survey_id = 'feedback' AND status = 'completed'""");
        handle.execute("""
                INSERT INTO survey_answers (response_id, question_id, question_type, value, skipped, sentiment, sentiment_score,
                                            answered_at)
                SELECT id, 'comment', 'text', words.text, false, words.sentiment, 0.8, started_at + interval '4 minutes'
                FROM (SELECT d.*, CASE WHEN d.u < 0.45 THEN 0 WHEN d.u < 0.7 THEN 1 ELSE 2 END AS mood,
                             floor(random() * 4)::int AS pick FROM demo_new_responses d
                      WHERE d.status = 'completed' AND random() < 0.35) d
                JOIN (VALUES
                    ('en', 0, 0, 'negative', 'Delivery was late again and nobody told me why.'),
                    ('en', 0, 1, 'negative', 'The package arrived damaged, late delivery and poor packaging.'),
                    ('en', 0, 2, 'negative', 'Waited too long for customer service to answer.'),
                    ('en', 0, 3, 'negative', 'Poor packaging, the item was broken.'),
                    ('en', 1, 0, 'neutral', 'It was fine.'),
                    ('en', 1, 1, 'neutral', 'Delivery took a few days, as expected.'),
                    ('en', 1, 2, 'neutral', 'OK, nothing special.'),
                    ('en', 1, 3, 'neutral', 'Average experience.'),
                    ('en', 2, 0, 'positive', 'Great service, thank you!'),
                    ('en', 2, 1, 'positive', 'Fast delivery and friendly staff.'),
                    ('en', 2, 2, 'positive', 'Love the quality, will buy again.'),
                    ('en', 2, 3, 'positive', 'Quick answer to my question, very helpful.'),
                    ('zh', 0, 0, 'negative', '快递太慢了，等了一个星期。'),
                    ('zh', 0, 1, 'negative', '包装破损，商品有划痕，快递太慢。'),
                    ('zh', 0, 2, 'negative', '客服回复太慢，问题一直没解决。'),
                    ('zh', 0, 3, 'negative', '质量不好，包装破损。'),
                    ('zh', 1, 0, 'neutral', '还可以。'),
                    ('zh', 1, 1, 'neutral', '一般般，没什么特别的。'),
                    ('zh', 1, 2, 'neutral', '送货时间正常。'),
                    ('zh', 1, 3, 'neutral', '和预期差不多。'),
                    ('zh', 2, 0, 'positive', '服务很好，谢谢！'),
                    ('zh', 2, 1, 'positive', '发货很快，客服很耐心。'),
                    ('zh', 2, 2, 'positive', '质量很好，会再来买。'),
                    ('zh', 2, 3, 'positive', '回复及时，非常满意。')) AS words (language, mood, pick, sentiment, text)
                  ON words.language = d.language AND words.mood = d.mood AND words.pick = d.pick""");
    }

    private static void complaints(Handle handle, Size size, long customers) {
        if (size.complaints() == 0) {
            return;
        }
        long first = handle.createQuery("SELECT coalesce(max(id), 0) FROM complaints")
                .mapTo(Long.class)
                .one();
        // r decides the fate (reopened < 0.06 ≤ resolved < 0.55 ≤ closed); complaints of the last two days may
        // still be open or in progress. Times in hours: response after the complaint, then resolution.
        handle.execute("""
                INSERT INTO complaints (ticket, customer_id, channel, chat_key, status, category, description, language, tier,
                                        priority, sla_hours, due_at, sla_breached_at, resolved_at, resolution_note,
                                        followup_sent_at, followups_sent, followup_answered_at, csat, closed_at, created_at, updated_at)
                SELECT 'D-' || lpad((? + i)::text, 7, '0'), p.id, CASE WHEN i % 3 = 0 THEN 'webchat' ELSE 'telegram' END,
                       'demo-' || p.id,
                       CASE WHEN NOT done AND r < 0.5 THEN 'open' WHEN NOT done THEN 'in_progress'
                            WHEN r < 0.06 THEN 'reopened' WHEN r < 0.55 THEN 'resolved' ELSE 'closed' END,
                       (ARRAY['product', 'delivery', 'delivery', 'service', 'billing', 'other'])[1 + floor(random() * 6)::int],
                       CASE WHEN p.language = 'zh' THEN '订单有问题，请尽快处理。' ELSE 'Something went wrong with my order.' END,
                       p.language, p.tier,
                       CASE p.tier WHEN 'key' THEN 'high' WHEN 'major' THEN 'high' ELSE 'normal' END, sla,
                       t + make_interval(hours => sla),
                       CASE WHEN response > sla THEN t + make_interval(hours => sla) END,
                       CASE WHEN done THEN t + make_interval(secs => (response + resolve) * 3600) END,
                       CASE WHEN done THEN 'Sorted out: replacement sent.' END,
                       CASE WHEN done THEN t + make_interval(secs => (response + resolve + 24) * 3600) END,
                       CASE WHEN done THEN 1 ELSE 0 END,
                       CASE WHEN done AND (r < 0.06 OR happy IS NOT NULL) THEN t + make_interval(secs => (response + resolve + 25) * 3600) END,
                       CASE WHEN done AND r < 0.06 THEN 1 + floor(random() * 2)::int WHEN done THEN happy END,
                       CASE WHEN done AND r >= 0.55 THEN t + make_interval(secs => (response + resolve + 48) * 3600) END,
                       t, t
                FROM (SELECT g0.*, now() - make_interval(secs => age * 86400) AS t,
                             age > 2 AND age * 24 > response + resolve + 48 AS done
                      FROM (SELECT i, random() AS r, 1 + floor(random() * ?)::bigint AS n, random() * ? AS age,
                                   (ARRAY[4, 8, 24, 48])[1 + floor(random() * 4)::int] AS sla,
                                   round((random() ^ 2 * 60)::numeric, 1)::float AS response,
                                   round((random() ^ 2 * 96)::numeric, 1)::float AS resolve,
                                   CASE WHEN random() < 0.6 THEN 3 + floor(random() * 3)::int END AS happy
                            FROM generate_series(1, ?) i) g0) g
                JOIN demo_people p ON p.n = g.n""", first, customers, size.days(), size.complaints());
        handle.execute("""
                INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, reason, occurred_at)
                SELECT id, 'opened', NULL, 'open', 'customer', NULL, created_at FROM complaints
                WHERE id > ? AND ticket LIKE 'D-%'""", first);
        handle.execute("""
                INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, reason, occurred_at)
                SELECT id, 'status_changed', 'open', 'in_progress', 'staff:' || (ARRAY['Lena', 'Wei', 'Sam'])[1 + (id % 3)::int],
                       'taken in hand', least(coalesce(resolved_at, now()), CASE WHEN sla_breached_at IS NOT NULL
                           THEN due_at + make_interval(secs => random() * 12 * 3600)
                           ELSE created_at + make_interval(secs => random() * sla_hours * 3600) END)
                FROM complaints WHERE id > ? AND ticket LIKE 'D-%' AND status <> 'open'""", first);
        handle.execute("""
                INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, reason, occurred_at)
                SELECT id, 'status_changed', 'in_progress', 'resolved', 'staff:' || (ARRAY['Lena', 'Wei', 'Sam'])[1 + (id % 3)::int],
                       resolution_note, resolved_at
                FROM complaints WHERE id > ? AND ticket LIKE 'D-%' AND resolved_at IS NOT NULL""", first);
        handle.execute("""
                INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, reason, occurred_at)
                SELECT id, 'status_changed', 'resolved', 'reopened', 'customer', 'follow-up CSAT ' || csat,
                       coalesce(followup_answered_at, resolved_at + interval '1 day')
                FROM complaints WHERE id > ? AND ticket LIKE 'D-%' AND status = 'reopened'""", first);
    }

    private static void messages(Handle handle, Size size, long customers) {
        if (size.messages() == 0) {
            return;
        }
        handle.execute("""
                INSERT INTO messages (direction, channel, chat_key, customer_id, kind, text, language, sentiment, created_at)
                SELECT CASE WHEN i % 2 = 0 THEN 'in' ELSE 'out' END, 'webchat', 'demo-' || p.id, p.id, 'text',
                       CASE WHEN i % 2 = 0 THEN (CASE WHEN p.language = 'zh' THEN (ARRAY['你好', '我的订单到哪了？', '谢谢', '我要投诉'])
                                                 ELSE (ARRAY['Hi', 'Where is my order?', 'Thanks', 'I want to complain']) END)[1 + (i / 2 % 4)::int]
                            ELSE (CASE WHEN p.language = 'zh' THEN (ARRAY['您好，有什么可以帮您？', '我查一下您的订单。', '不客气！', '很抱歉，请说说发生了什么。'])
                                  ELSE (ARRAY['Hello, how can I help?', 'Let me look up your order.', 'You are welcome!',
                                              'I am sorry to hear that. What happened?']) END)[1 + (i / 2 % 4)::int] END,
                       p.language, CASE WHEN i % 8 = 6 THEN 'negative' ELSE 'neutral' END,
                       now() - make_interval(days => ?) * (1 - (i / 2)::float / greatest(1, ? / 2)) + make_interval(secs => i % 2 * 5)
                FROM (SELECT i, 1 + (hashint8(i / 8) & 2147483647) % ? AS n FROM generate_series(0, ? - 1) i) g
                JOIN demo_people p ON p.n = g.n""", size.days(), size.messages(), customers, size.messages());
    }

    private static void offersAndWinback(Handle handle, Size size, long customers) {
        long codes = Math.max(10, size.responses() / 10);
        handle.execute("""
                INSERT INTO offer_codes (code, offer_id, customer_id, tier, value, issued_via, issued_at, redeemed_at, redeemed_via)
                SELECT 'DEMO' || upper(substr(md5(p.id::text || o.offer), 1, 10)), o.offer, p.id, p.tier, o.value,
                       o.via, t, CASE WHEN random() < 0.3 THEN t + interval '2 days' END, 'api'
                FROM (SELECT 1 + floor(random() * ?)::bigint AS n, now() - random() * make_interval(days => ?) AS t,
                             floor(random() * 3)::int AS k FROM generate_series(1, ?)) g
                JOIN demo_people p ON p.n = g.n
                JOIN (VALUES (0, 'spring_sale', 10.00, 'campaign'), (1, 'ordinary_welcome', 5.00, 'menu'),
                             (2, 'major_thanks', 20.00, 'menu')) AS o (k, offer, value, via) ON o.k = g.k
                ON CONFLICT DO NOTHING""", customers, size.days(), codes);
        handle.execute("""
                INSERT INTO winback_cases (customer_id, tier, trigger, started_at, reason, response, responded_at, outcome, outcome_at)
                SELECT DISTINCT ON (p.id) p.id, p.tier, CASE WHEN random() < 0.8 THEN 'lapsed' ELSE 'cancel' END, t,
                       CASE WHEN r < 0.85 THEN (ARRAY['price', 'quality', 'service', 'delivery', 'alternative', 'no_need'])[1 + floor(random() * 6)::int] END,
                       CASE WHEN r < 0.85 THEN 'answered' ELSE 'no_answer' END, t + interval '1 hour',
                       CASE WHEN random() < 0.35 THEN 'won_back' ELSE 'lost' END, t + interval '7 days'
                FROM (SELECT 1 + floor(random() * ?)::bigint AS n, now() - make_interval(days => 8) - random() * make_interval(days => ?) AS t,
                             random() AS r FROM generate_series(1, ?)) g
                JOIN demo_people p ON p.n = g.n
                WHERE NOT EXISTS (SELECT 1 FROM winback_cases w WHERE w.customer_id = p.id)""", customers, Math.max(1, size.days() - 8), Math.max(5, codes / 3));
        handle.execute("""
                INSERT INTO tier_history (customer_id, from_tier, to_tier, value, changed_at)
                SELECT p.id, (ARRAY['small', 'ordinary', 'major', 'small'])[k], (ARRAY['ordinary', 'major', 'key', 'small'])[k],
                       round((random() * 2000)::numeric, 2), now() - random() * make_interval(days => ?)
                FROM (SELECT 1 + floor(random() * ?)::bigint AS n, 1 + floor(random() * 3)::int AS k FROM generate_series(1, ?)) g
                JOIN demo_people p ON p.n = g.n""", size.days(), customers, Math.max(5, codes / 4));
    }
}
