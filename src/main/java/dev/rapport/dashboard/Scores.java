package dev.rapport.dashboard;

/**
 * The survey counts of one group of responses (a period, a tier, a week …) and the figures computed
 * from them. Counts are indexed by score: CSAT 1–5, NPS 0–10, CES 1–7 (the survey's scale). Every
 * figure is NaN when it has nothing to be computed from, and the page shows "—" for it. Mutable while
 * a query's rows are added, then only read; not thread-safe.
 */
final class Scores {

    static final int CES_MAX = 7;

    final long[] csat = new long[6];
    final long[] nps = new long[11];
    final long[] ces = new long[CES_MAX + 1];
    long asked;
    long completed;

    void add(String type, int score, long count) {
        switch (type) {
            case "csat" -> { if (score >= 1 && score <= 5) { csat[score] += count; } }
            case "nps" -> { if (score >= 0 && score <= 10) { nps[score] += count; } }
            case "ces" -> { if (score >= 1 && score <= CES_MAX) { ces[score] += count; } }
            default -> { }
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
        for (int i = 0; i < ces.length; i++) {
            ces[i] += other.ces[i];
        }
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
        return sum(ces, 1, CES_MAX);
    }

    double cesMean() {
        return mean(ces);
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
