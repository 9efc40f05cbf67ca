package dev.rapport.nlu;

import java.util.Set;

/**
 * English words that turn the meaning of the next few words around ("not impressed", "never
 * arrived", "can't fault it"), spelt as {@link ChatTokenizer} spells them (no apostrophes).
 * Chinese negation (不好, 没到) is already inside Han character bigrams.
 */
final class Negations {

    /** How many tokens after a negation it reaches; phrases like "not at all impressed" stay short. */
    static final int SCOPE = 3;

    private static final Set<String> WORDS = Set.of(
            "not",
            "no",
            "never",
            "nothing",
            "nobody",
            "none",
            "nowhere",
            "neither",
            "nor",
            "without",
            "hardly",
            "barely",
            "cannot",
            "cant",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "arent",
            "wasnt",
            "werent",
            "wont",
            "wouldnt",
            "couldnt",
            "shouldnt",
            "havent",
            "hasnt",
            "hadnt",
            "aint");

    private Negations() {}

    static boolean isNegation(String token) {
        return WORDS.contains(token);
    }
}
