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
                            SELECT tier, count(*), count(*) FILTER (WHERE response = 'answered'),
                                   count(*) FILTER (WHERE response = 'declined'),
                                   count(*) FILTER (WHERE response = 'no_answer'),
                                   count(*) FILTER (WHERE outcome = 'won_back'), count(*) FILTER (WHERE outcome = 'lost')
                            FROM winback_cases GROUP BY tier
                            ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], tier)""")
                    .map((rs, ctx) -> {
                        long won = rs.getLong(6);
                        long decided = won + rs.getLong(7);
                        return String.format("%-9s %6d %9d %9d %10d %9d %5d %9s", rs.getString(1), rs.getLong(2),
                                rs.getLong(3), rs.getLong(4), rs.getLong(5), won, rs.getLong(7),
                                decided == 0 ? "-" : String.format("%.0f%%", 100.0 * won / decided));
                    })
                    .forEach(out::println);
            out.println();
            out.println("Reasons given:");
            out.printf("%-9s %-12s %6s%n", "tier", "reason", "count");
            handle.createQuery("""
                            SELECT tier, reason, count(*) FROM winback_cases WHERE reason IS NOT NULL
                            GROUP BY 1, 2 ORDER BY array_position(ARRAY['key', 'major', 'ordinary', 'small'], tier),
                                     3 DESC, 2""")
                    .map((rs, ctx) -> String.format("%-9s %-12s %6d", rs.getString(1), rs.getString(2), rs.getLong(3)))
                    .forEach(out::println);
        });
    }
}
