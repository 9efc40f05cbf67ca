package dev.rapport.winback;

import dev.rapport.store.Labels;
import dev.rapport.store.TextTable;
import java.io.PrintWriter;
import org.jdbi.v3.core.Jdbi;

/** {@code winback report}: cases, responses and the won-back rate per tier, and the reasons given. Read-only. */
public final class WinbackReport {

    private WinbackReport() {
    }

    /** Prints with the words of {@code labels} (keys {@code winback.*}). */
    public static void print(Jdbi jdbi, PrintWriter out, Labels labels) {
        jdbi.useHandle(handle -> {
            var cases = TextTable.of(labels.get("winback.tier"), labels.get("winback.cases"), labels.get("winback.answered"),
                    labels.get("winback.declined"), labels.get("winback.no_answer"), labels.get("winback.won_back"),
                    labels.get("winback.lost"), labels.get("winback.won_rate")).right(1, 2, 3, 4, 5, 6, 7);
            handle.createQuery("""
                            SELECT tier, count(*), count(*) FILTER (WHERE response = 'answered'),
                                   count(*) FILTER (WHERE response = 'declined'),
                                   count(*) FILTER (WHERE response = 'no_answer'),
                                   count(*) FILTER (WHERE outcome = 'won_back'), count(*) FILTER (WHERE outcome = 'lost')
                            FROM winback_cases GROUP BY tier
                            ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], tier)""")
                    .map((rs, ctx) -> {
                        long won = rs.getLong(6);
                        long decided = won + rs.getLong(7);
                        return cases.row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), won,
                                rs.getLong(7), decided == 0 ? "-" : String.format("%.0f%%", 100.0 * won / decided));
                    })
                    .list();
            cases.print(out);
            out.println();
            out.println(labels.get("winback.reasons_given"));
            var reasons = TextTable.of(labels.get("winback.tier"), labels.get("winback.reason"), labels.get("winback.count"))
                    .right(2);
            handle.createQuery("""
                            SELECT tier, reason, count(*) FROM winback_cases WHERE reason IS NOT NULL
                            GROUP BY 1, 2 ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], tier),
                                     3 DESC, 2""")
                    .map((rs, ctx) -> reasons.row(rs.getString(1), rs.getString(2), rs.getLong(3)))
                    .list();
            reasons.print(out);
        });
    }
}
