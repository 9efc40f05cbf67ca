package dev.rapport.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The balance of opinion over a message's clauses. Long reviews praise one thing and blame
 * another; what the customer feels is in the balance, and the clause after a contrast word
 * ("great, but the packaging was flimsy", "东西不错，就是包装太简陋") weighs twice, a concession
 * ("although", 虽然) half. Clauses end at contrast words and, in Chinese, at punctuation (which
 * already splits Han runs into tokens). Opinion words come from {@link OpinionWords} and, in
 * English, the {@link PolarityLexicon}; negations turn them round ("not impressed", 不满意) and
 * soft degree words keep them negative but mild ("有点慢").
 *
 * <p>Features: {@code cb=pos|neg} the sign of the weighted balance, {@code cb=strong-pos|neg}
 * when it is large, {@code cb=after-pos|neg} the last clause after a contrast word, {@code
 * cb=pos2|neg2} two or more clauses of that polarity, {@code cb=mild-neg} a softened complaint,
 * {@code cb=wish} a wish that something improve ("希望改进", "please improve").
 *
 * <p>Stateless and thread-safe. Public with a public no-argument constructor only because OpenNLP
 * re-creates a model's feature generators by class name; nothing else should use it.
 */
public final class ClauseBalance implements FeatureGenerator {

    private static final double CONTRAST_WEIGHT = 2;
    private static final double CONCESSION_WEIGHT = 0.5;
    private static final double STRONG = 4;
    private static final int CHINESE_NEGATION_REACH = 3;
    private static final Set<String> ENGLISH_INTENSIFIERS =
            Set.of("so", "very", "really", "too", "extremely", "super", "way");
    private static final Set<String> ENGLISH_SOFTENERS =
            Set.of("bit", "little", "slightly", "kinda", "somewhat", "abit");
    private static final Set<String> ENGLISH_IMPROVE = Set.of("improve", "better", "sort", "fix");

    /** One clause's opinion and how much it counts. */
    private static final class Clause {
        double score;
        double weight;
        boolean afterContrast;

        Clause(double weight, boolean afterContrast) {
            this.weight = weight;
            this.afterContrast = afterContrast;
        }
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<Clause> clauses = new ArrayList<>();
        Set<String> features = new LinkedHashSet<>();
        Clause clause = new Clause(1, false);
        clauses.add(clause);
        int negated = 0;
        int softened = 0;
        boolean intensified = false;
        boolean pendingMain = false; // after a concession clause the next clause is the main one
        for (int index = 0; index < tokens.length; index++) {
            String token = tokens[index];
            if (ChatTokenizer.isHanToken(token)) {
                clause = chinese(token, clause, clauses, features, pendingMain);
                pendingMain = clause.weight == CONCESSION_WEIGHT;
                negated = 0;
                continue;
            }
            if (OpinionWords.ENGLISH_CONCESSION.contains(token)) {
                clause = open(clauses, CONCESSION_WEIGHT, false);
                negated = 0;
                continue;
            }
            if (OpinionWords.ENGLISH_CONTRAST.contains(token)) {
                clause = open(clauses, CONTRAST_WEIGHT, true);
                negated = 0;
                continue;
            }
            if (ENGLISH_IMPROVE.contains(token)
                    && index > 0
                    && (tokens[index - 1].equals("please")
                            || tokens[index - 1].equals("pls")
                            || tokens[index - 1].equals("to")
                            || tokens[index - 1].equals("do"))) {
                features.add("cb=wish");
            }
            double rating = englishRating(token);
            if (rating != 0) {
                if (negated > 0) {
                    rating = -rating * 0.75;
                }
                if (intensified) {
                    rating *= 1.5;
                }
                if (softened > 0 && rating < 0) {
                    features.add("cb=mild-neg");
                }
                clause.score += rating;
            }
            intensified = ENGLISH_INTENSIFIERS.contains(token);
            softened = ENGLISH_SOFTENERS.contains(token) ? 2 : Math.max(0, softened - 1);
            if (Negations.isNegation(token)) {
                negated = Negations.SCOPE;
            } else if (negated > 0) {
                negated--;
            }
        }
        balance(clauses, features);
        return features;
    }

    private static double englishRating(String token) {
        Double own = OpinionWords.ENGLISH.get(token);
        if (own != null) {
            return own;
        }
        double rating = PolarityLexicon.VADER.rating(token);
        return Math.abs(rating) >= PolarityWords.MIN_RATING ? rating : 0;
    }

    private static Clause open(List<Clause> clauses, double weight, boolean afterContrast) {
        Clause clause = new Clause(weight, afterContrast);
        clauses.add(clause);
        return clause;
    }

    /**
     * Scores one Han run, which is a clause of its own (punctuation ended the one before), split
     * further at contrast words inside it. Returns the clause the run ends in.
     */
    private static Clause chinese(
            String run, Clause current, List<Clause> clauses, Set<String> features, boolean main) {
        Clause clause = current;
        if (current.score != 0) {
            clause = open(clauses, main ? CONTRAST_WEIGHT : 1, false);
        } else if (main) {
            clause.weight = CONTRAST_WEIGHT;
        }
        int lastMatchEnd = 0;
        boolean wish = false;
        int length = run.length();
        for (int i = 0; i < length; ) {
            String contrast = startsWithAny(run, i, OpinionWords.CHINESE_CONTRAST);
            if (contrast != null
                    && i + contrast.length() < length
                    && (i == 0 || !OpinionWords.CHINESE_CLAUSE_OPENING_CONTRAST.contains(contrast))) {
                if (clause.score != 0) {
                    clause = open(clauses, CONTRAST_WEIGHT, true);
                }
                clause.weight = CONTRAST_WEIGHT;
                clause.afterContrast = true;
                i += contrast.length();
                lastMatchEnd = i;
                continue;
            }
            String concession = startsWithAny(run, i, OpinionWords.CHINESE_CONCESSION);
            if (concession != null) {
                clause.weight = CONCESSION_WEIGHT;
                i += concession.length();
                lastMatchEnd = i;
                continue;
            }
            if (startsWithAny(run, i, OpinionWords.CHINESE_WISH) != null) {
                wish = true;
            }
            if (wish && startsWithAny(run, i, OpinionWords.CHINESE_IMPROVE) != null) {
                features.add("cb=wish");
            }
            int matched = 0;
            double rating = 0;
            for (int n = Math.min(OpinionWords.LONGEST_CHINESE, length - i); n >= 1 && matched == 0; n--) {
                String word = run.substring(i, i + n);
                if (OpinionWords.CHINESE_NOT_OPINION.contains(word)) {
                    matched = n;
                } else if (OpinionWords.CHINESE.containsKey(word)) {
                    matched = n;
                    rating = OpinionWords.CHINESE.get(word);
                }
            }
            if (matched == 0) {
                i++;
                continue;
            }
            if (rating != 0) {
                String before = run.substring(Math.max(lastMatchEnd, i - CHINESE_NEGATION_REACH), i);
                if (containsAny(before, OpinionWords.CHINESE_NEGATIONS)) {
                    rating = -rating * 0.75;
                }
                if (containsAny(before, OpinionWords.CHINESE_SOFTENERS)) {
                    if (rating < 0) {
                        features.add("cb=mild-neg");
                    }
                } else if (containsAny(before, OpinionWords.CHINESE_INTENSIFIERS)) {
                    rating *= 1.5;
                }
                clause.score += rating;
            }
            i += matched;
            lastMatchEnd = i;
        }
        return clause;
    }

    private static void balance(List<Clause> clauses, Set<String> features) {
        double total = 0;
        int positive = 0;
        int negative = 0;
        Clause lastAfterContrast = null;
        for (Clause clause : clauses) {
            total += clause.score * clause.weight;
            positive += clause.score > 0 ? 1 : 0;
            negative += clause.score < 0 ? 1 : 0;
            if (clause.afterContrast && clause.score != 0) {
                lastAfterContrast = clause;
            }
        }
        if (Math.abs(total) >= 1) {
            features.add(total > 0 ? "cb=pos" : "cb=neg");
        }
        if (Math.abs(total) >= STRONG) {
            features.add(total > 0 ? "cb=strong-pos" : "cb=strong-neg");
        }
        if (lastAfterContrast != null) {
            features.add(lastAfterContrast.score > 0 ? "cb=after-pos" : "cb=after-neg");
        }
        if (positive >= 2) {
            features.add("cb=pos2");
        }
        if (negative >= 2) {
            features.add("cb=neg2");
        }
    }

    private static String startsWithAny(String run, int index, Set<String> words) {
        String found = null;
        for (String word : words) {
            if (run.startsWith(word, index) && (found == null || word.length() > found.length())) {
                found = word;
            }
        }
        return found;
    }

    private static boolean containsAny(String text, Set<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
