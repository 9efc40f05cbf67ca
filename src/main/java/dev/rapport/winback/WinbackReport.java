package dev.rapport.winback;

import java.io.PrintWriter;
import org.jdbi.v3.core.Jdbi;

/** {@code winback report}: cases, responses and the won-back rate per tier, and the reasons given. Read-only. */
public final class WinbackReport {

    private WinbackReport() {
    }

    public static void print(Jdbi jdbi, PrintWriter out) {
        jdbi.useHandle(handle -> {
            out.printf("%-9s %6s %9s %9s %10s %9s %5s %9s%n", "tier", "cases", "answered", "declined", "no_answer",
                    "won_back", "lost", "won_rate");
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
                        return String.format("%-9s %6d %9d %9d %10d %9d %5d %9s", row.getString("tier"),
                                row.getLong("cases"), row.getLong("answered"), row.getLong("declined"),
                                row.getLong("no_answer"), won, row.getLong("lost"),
                                decided == 0 ? "-" : String.format("%.0f%%", 100.0 * won / decided));
                    })
                    .forEach(out::println);
            out.println();
            out.println("Reasons given:");
            out.printf("%-9s %-12s %6s%n", "tier", "reason", "count");
            handle.createQuery("""
                            SELECT tier, reason, count(*) AS cases FROM winback_cases WHERE reason IS NOT NULL
                            GROUP BY 1, 2 ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], tier),
                                     3 DESC, 2""")
                    .map((row, ctx) -> String.format("%-9s %-12s %6d", row.getString("tier"), row.getString("reason"),
                            row.getLong("cases")))
                    .forEach(out::println);
        });
    }
}
