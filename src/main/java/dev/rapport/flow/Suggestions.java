package dev.rapport.flow;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" hints for misspelt keys, step ids, flow ids and action names. */
final class Suggestions {

    private Suggestions() {}

    /** {@code " (did you mean 'next'?)"} when a candidate is within a small typo of {@code word}, else "". */
    static String didYouMean(String word, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return candidates.stream()
                .filter(candidate -> !candidate.equals(word))
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)))
                .filter(candidate -> distance(word, candidate) <= allowed)
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
    }

    /** Edit distance, counting a swap of two neighbours ("nxet" for "next") as one edit. */
    static int distance(String from, String to) {
        int[][] cost = new int[from.length() + 1][to.length() + 1];
        for (int i = 0; i <= from.length(); i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= to.length(); j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            for (int j = 1; j <= to.length(); j++) {
                int change = from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1;
                cost[i][j] = Math.min(Math.min(cost[i - 1][j] + 1, cost[i][j - 1] + 1), cost[i - 1][j - 1] + change);
                if (i > 1
                        && j > 1
                        && from.charAt(i - 1) == to.charAt(j - 2)
                        && from.charAt(i - 2) == to.charAt(j - 1)) {
                    cost[i][j] = Math.min(cost[i][j], cost[i - 2][j - 2] + 1);
                }
            }
        }
        return cost[from.length()][to.length()];
    }
}
