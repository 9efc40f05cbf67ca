package dev.rapport.dashboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The survey counts of one group of responses (a period, a tier, a week …) and the figures computed
 * from them. Counts are indexed by score: CSAT 1–5, NPS 0–10, CES 1–5 or 1–7 (the survey's scale,
 * {@link #CES_SCALES}): CES answers on different scales are counted apart and never averaged
 * together. Every figure is NaN when it has nothing to be computed from, and the page shows "—" for
 * it. Mutable while a query's rows are added, then only read; not thread-safe.
 */
final class Scores {

    /** The tops of the CES scales a survey may use (its file's {@code ces_scale}). */
    static final List<Integer> CES_SCALES = List.of(5, 7);

    final long[] csat = new long[6];
    final long[] nps = new long[11];
    /** CES counts by scale top: {@code ces.get(7)[score]}. */
    final Map<Integer, long[]> ces = new TreeMap<>();

    long asked;
    long completed;

    Scores() {
        CES_SCALES.forEach(scale -> ces.put(scale, new long[scale + 1]));
    }

    /** {@code scale} is the top of the question's scale; only CES has more than one. */
    void add(String type, int scale, int score, long count) {
        switch (type) {
            case "csat" -> {
                if (score >= 1 && score <= 5) {
                    csat[score] += count;
                }
            }
            case "nps" -> {
                if (score >= 0 && score <= 10) {
                    nps[score] += count;
                }
            }
            case "ces" -> {
                long[] counts = ces.get(scale);
                if (counts != null && score >= 1 && score <= scale) {
                    counts[score] += count;
                }
            }
            default -> {}
        }
    }

    void addResponses(long shown, long finished) {
        asked += shown;
        completed += finished;
    }

    void addAll(Scores other) {
        for (int i = 0; i < csat.length; i++) {
            csat[i] += other.csat[i];
        }
        for (int i = 0; i < nps.length; i++) {
            nps[i] += other.nps[i];
        }
        other.ces.forEach((scale, counts) -> {
            long[] mine = ces.get(scale);
            for (int i = 0; i < counts.length; i++) {
                mine[i] += counts[i];
            }
        });
        asked += other.asked;
        completed += other.completed;
    }

    long csatAnswers() {
        return sum(csat, 1, 5);
    }

    /** Share of CSAT answers that are 4 or 5, 0–1. */
    double csatShare() {
        long answers = csatAnswers();
        return answers == 0 ? Double.NaN : (double) (csat[4] + csat[5]) / answers;
    }

    double csatMean() {
        return mean(csat);
    }

    long npsAnswers() {
        return sum(nps, 0, 10);
    }

    long promoters() {
        return sum(nps, 9, 10);
    }

    long passives() {
        return sum(nps, 7, 8);
    }

    long detractors() {
        return sum(nps, 0, 6);
    }

    /** % promoters (9–10) minus % detractors (0–6) of all NPS answers, −100 to 100. */
    double nps() {
        long answers = npsAnswers();
        return answers == 0 ? Double.NaN : 100.0 * (promoters() - detractors()) / answers;
    }

    long cesAnswers() {
        return ces.entrySet().stream()
                .mapToLong(entry -> sum(entry.getValue(), 1, entry.getKey()))
                .sum();
    }

    long cesAnswers(int scale) {
        return sum(ces.get(scale), 1, scale);
    }

    /** The mean of the CES answers given on the 1–{@code scale} scale. */
    double cesMean(int scale) {
        return mean(ces.get(scale));
    }

    /** The CES scales this group has answers on, smallest first. */
    List<Integer> cesScales() {
        return CES_SCALES.stream().filter(scale -> cesAnswers(scale) > 0).toList();
    }

    /** Completed responses ÷ surveys shown. */
    double responseRate() {
        return asked == 0 ? Double.NaN : (double) completed / asked;
    }

    private static long sum(long[] counts, int from, int to) {
        long total = 0;
        for (int i = from; i <= to; i++) {
            total += counts[i];
        }
        return total;
    }

    private static double mean(long[] counts) {
        long total = 0;
        long answers = 0;
        for (int score = 0; score < counts.length; score++) {
            total += score * counts[score];
            answers += counts[score];
        }
        return answers == 0 ? Double.NaN : (double) total / answers;
    }
}
