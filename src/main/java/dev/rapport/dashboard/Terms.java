package dev.rapport.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words and phrases that recur across a set of answers, in English and Chinese. English is split
 * into words (letters and digits), stop words dropped, and counted as single words and two-word
 * phrases; Chinese has no spaces, so each run of Han characters is cut into character n-grams of two
 * to four characters, skipping any that hold a function character (的, 了, 是 …). A term counts once per answer
 * it appears in (so one long rant does not dominate), and a term is kept when at least two answers
 * use it. A term that is only part of a longer term with the same count is dropped in its favour.
 * Stateless; thread-safe.
 */
final class Terms {

    /** A term and the number of answers it appears in. */
    record Term(String text, int answers) {}

    private static final Set<String> ENGLISH_STOP = Set.of(("a an and are as at be been but by can could did do does "
                    + "for from had has have he her him his i i'm if in into is it it's its just me my no not of on or our so "
                    + "that the their them then there they this to too very was we were what when which who will with would "
                    + "you your yours am also all any get got one us out up more than about after again")
            .split(" "));
    private static final String CHINESE_STOP = "的了是在和也就都而及与着或之把被吗呢吧啊呀哦嗯我你他她它们这那有个很太还又";

    private Terms() {}

    static List<Term> recurring(List<String> answers, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (String answer : answers) {
            for (String term : termsOf(answer == null ? "" : answer)) {
                counts.merge(term, 1, Integer::sum);
            }
        }
        Map<String, Integer> recurring = new HashMap<>();
        counts.forEach((term, count) -> {
            if (count >= 2) {
                recurring.put(term, count);
            }
        });
        var kept = new ArrayList<Term>();
        recurring.forEach((term, count) -> {
            if (!coveredByLonger(term, count, recurring)) {
                kept.add(new Term(term, count));
            }
        });
        kept.sort((a, b) -> a.answers() != b.answers()
                ? Integer.compare(b.answers(), a.answers())
                : a.text().length() != b.text().length()
                        ? Integer.compare(b.text().length(), a.text().length())
                        : a.text().compareTo(b.text()));
        return List.copyOf(kept.subList(0, Math.min(limit, kept.size())));
    }

    /** The distinct terms of one answer. */
    static Set<String> termsOf(String answer) {
        Set<String> terms = new HashSet<>();
        String text = answer.toLowerCase(Locale.ROOT);
        var words = new ArrayList<String>();
        var han = new StringBuilder();
        var word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean isHan = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (isHan) {
                han.append(c);
            } else if (han.length() > 0) {
                chinese(han.toString(), terms);
                han.setLength(0);
            }
            if (!isHan && (Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0))) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            if (!isHan && !Character.isLetterOrDigit(c) && c != '\'' && c != ' ') {
                words.add(""); // punctuation ends a phrase
            }
        }
        String previous = "";
        for (String current : words) {
            boolean content = current.length() > 1 && !ENGLISH_STOP.contains(current);
            if (content) {
                terms.add(current);
                if (!previous.isEmpty()) {
                    terms.add(previous + " " + current);
                }
            }
            previous = content ? current : "";
        }
        return terms;
    }

    private static void chinese(String run, Set<String> terms) {
        for (int size = 2; size <= 4; size++) {
            for (int at = 0; at + size <= run.length(); at++) {
                String gram = run.substring(at, at + size);
                if (gram.chars().noneMatch(c -> CHINESE_STOP.indexOf(c) >= 0)) {
                    terms.add(gram);
                }
            }
        }
    }

    private static boolean coveredByLonger(String term, int count, Map<String, Integer> counts) {
        for (var entry : counts.entrySet()) {
            String longer = entry.getKey();
            if (longer.length() > term.length() && entry.getValue() == count && longer.contains(term)) {
                return true;
            }
        }
        return false;
    }
}
