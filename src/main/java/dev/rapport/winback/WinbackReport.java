package dev.rapport.winback;

import dev.rapport.store.Labels;
import dev.rapport.store.TextTable;
import java.io.PrintWriter;
import org.jdbi.v3.core.Jdbi;

/** {@code winback report}: cases, responses and the won-back rate per tier, and the reasons given. Read-only. */
public final class WinbackReport {

    private WinbackReport() {}

    /** Prints with the words of {@code labels} (keys {@code winback.*}). */
    public static void print(Jdbi jdbi, PrintWriter out, Labels labels) {
        jdbi.useHandle(handle -> {
            var cases = TextTable.of(
                            labels.get("winback.tier"),
                            labels.get("winback.cases"),
                            labels.get("winback.answered"),
                            labels.get("winback.declined"),
                            labels.get("winback.no_answer"),
                            labels.get("winback.won_back"),
                            labels.get("winback.lost"),
                            labels.get("winback.won_rate"))
                    .right(1, 2, 3, 4, 5, 6, 7);
            handle.createQuery("""
                            SELECT tier, count(*) AS cases, count(*) FILTER (WHERE response = 'answered') AS answered,
                                   count(*) FILTER (WHERE response = 'declined') AS declined,
                                   count(*) FILTER (WHERE response = 'no_answer') AS no_answer,
                                   count(*) FILTER (WHERE outcome = 'won_back') AS won_back,
                                   count(*) FILTER (WHERE outcome = 'lost') AS lost
                            FROM winback_cases GROUP BY tier
                            ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], tier)""")
                    .map((row, ctx) -> {
                        long won = row.getLong("won_back");
                        long decided = won + row.getLong("lost");
                        return cases.row(
                                row.getString("tier"),
                                row.getLong("cases"),
                                row.getLong("answered"),
                                row.getLong("declined"),
                                row.getLong("no_answer"),
                                won,
                                row.getLong("lost"),
                                decided == 0 ? "-" : String.format("%.0f%%", 100.0 * won / decided));
                    })
                    .list();
            cases.print(out);
            out.println();
            out.println(labels.get("winback.reasons_given"));
            var reasons = TextTable.of(
                            labels.get("winback.tier"), labels.get("winback.reason"), labels.get("winback.count"))
                    .right(2);
            handle.createQuery("""
                            SELECT tier, reason, count(*) AS cases FROM winback_cases WHERE reason IS NOT NULL
                            GROUP BY 1, 2 ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], tier),
                                     3 DESC, 2""")
                    .map((row, ctx) ->
                            reasons.row(row.getString("tier"), row.getString("reason"), row.getLong("cases")))
                    .list();
            reasons.print(out);
        });
    }
}
