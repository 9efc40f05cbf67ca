package dev.rapport.survey;

/** A fixed set of survey answers whose figures were worked out by hand (see {@link SurveyResultsTest}). */
public final class FixedAnswers {

    private FixedAnswers() {}

    /**
     * Key tier: two completed responses (CSAT 5 and 4, NPS 10 and 9, CES 7 and 6), one of them a
     * campaign's with its invitation. Small tier: one completed (CSAT 2, NPS 3, CES 2), one open
     * (CSAT 3, NPS 7), one expired with CSAT skipped, and one invitation never answered. Noise: another
     * survey's response, and one from last year.
     */
    public static final String SQL = """
            INSERT INTO customers (id, name, tier) VALUES (1, 'Kim', 'key'), (2, 'Kai', 'key'), (3, 'Sam', 'small'),
                (4, 'Sue', 'small'), (5, 'Sol', 'small'), (6, 'Sid', 'small');
            INSERT INTO survey_responses (id, survey_id, customer_id, trigger, status, tier, channel, chat_key, language, started_at) VALUES
                (1, 'feedback', 1, 'campaign:c1', 'completed', 'key', 'telegram', '1', 'en', now() - interval '3 days'),
                (2, 'feedback', 2, 'menu', 'completed', 'key', 'webchat', '2', 'zh', now() - interval '3 days'),
                (3, 'feedback', 3, 'menu', 'completed', 'small', 'telegram', '3', 'en', now() - interval '2 days'),
                (4, 'feedback', 4, 'menu', 'open', 'small', 'telegram', '4', 'en', now() - interval '1 day'),
                (5, 'feedback', 5, 'menu', 'expired', 'small', 'telegram', '5', 'zh', now() - interval '5 days'),
                (6, 'complaint_followup', 1, 'complaint:T-1', 'completed', 'key', 'telegram', '1', 'en', now()),
                (7, 'feedback', 6, 'menu', 'completed', 'small', 'telegram', '6', 'en', now() - interval '400 days');
            INSERT INTO survey_invitations (survey_id, campaign, customer_id, tier, invited_at) VALUES
                ('feedback', 'c1', 1, 'key', now() - interval '3 days'),
                ('feedback', 'c1', 6, 'small', now() - interval '3 days');
            INSERT INTO survey_answers (response_id, question_id, question_type, score, value, skipped, sentiment, sentiment_score) VALUES
                (1, 'csat', 'csat', 5, '5', false, null, null), (1, 'nps', 'nps', 10, '10', false, null, null),
                (1, 'ces', 'ces', 7, '7', false, null, null),
                (1, 'comment', 'text', null, 'Great, "really" fast, thanks', false, 'positive', 0.8),
                (2, 'csat', 'csat', 4, '4', false, null, null), (2, 'nps', 'nps', 9, '9', false, null, null),
                (2, 'ces', 'ces', 6, '6', false, null, null),
                (3, 'csat', 'csat', 2, '2', false, null, null), (3, 'nps', 'nps', 3, '3', false, null, null),
                (3, 'ces', 'ces', 2, '2', false, null, null), (3, 'liked', 'multiple', null, 'price,service', false, null, null),
                (4, 'csat', 'csat', 3, '3', false, null, null), (4, 'nps', 'nps', 7, '7', false, null, null),
                (5, 'csat', 'csat', null, null, true, null, null),
                (6, 'csat', 'csat', 1, '1', false, null, null),
                (7, 'csat', 'csat', 1, '1', false, null, null), (7, 'nps', 'nps', 0, '0', false, null, null);
            """;
}
