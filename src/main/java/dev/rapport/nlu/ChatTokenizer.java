package dev.rapport.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised chat text ({@link ChatNormalizer}) into the tokens the feature generators
 * read, without a word segmenter:
 * <ul>
 *   <li>a run of Han characters is one token ("我的order还没到" gives "我的", "order", "还没到"); the
 *       Chinese features cut it into character n-grams;</li>
 *   <li>a run of other letters, digits and combining marks is one word; apostrophes inside a word
 *       are dropped ("don't" and "dont" meet), and every run of digits becomes "0" so order numbers
 *       and times generalise ("room 412" gives "room", "0"; "5pm" gives "0pm");</li>
 *   <li>every emoji or other symbol is a token of its own, and so are "?" and "!", because "😡" and
 *       "!!" carry sentiment and "?" marks a question; the text emoticons ":)", ":(" and friends
 *       become the matching emoji;</li>
 *   <li>links ("https://…", "www.…") are skipped whole: their pieces are not words, and a
 *       pasted order link must not make a Chinese message look English;</li>
 *   <li>everything else separates tokens.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class ChatTokenizer {

    private static final String[][] EMOTICONS = {
        {":-)", "🙂"},
        {":)", "🙂"},
        {";)", "😉"},
        {";-)", "😉"},
        {":-(", "🙁"},
        {":(", "🙁"},
        {":'(", "😢"},
        {":-d", "😀"},
        {":d", "😀"},
        {"<3", "❤"}
    };

    private ChatTokenizer() {}

    /** Tokens of already normalised text, in order; empty when there are none. */
    static String[] tokens(String normalized) {
        List<String> tokens = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean runIsHan = false;
        int length = normalized.length();
        for (int i = 0; i < length; ) {
            if (isLinkStart(normalized, i)) {
                flush(run, tokens);
                runIsHan = false;
                while (i < length && normalized.charAt(i) != ' ') {
                    i++;
                }
                continue;
            }
            int emoticon = emoticonAt(normalized, i);
            if (emoticon >= 0) {
                flush(run, tokens);
                runIsHan = false;
                tokens.add(EMOTICONS[emoticon][1]);
                i += EMOTICONS[emoticon][0].length();
                continue;
            }
            int codePoint = normalized.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isHan(codePoint)) {
                if (!runIsHan) {
                    flush(run, tokens);
                    runIsHan = true;
                }
                run.appendCodePoint(codePoint);
            } else if (isWordPart(codePoint)) {
                if (runIsHan) {
                    flush(run, tokens);
                    runIsHan = false;
                }
                if (Character.isDigit(codePoint)) {
                    if (run.length() == 0 || run.charAt(run.length() - 1) != '0') {
                        run.append('0');
                    }
                } else {
                    run.appendCodePoint(codePoint);
                }
            } else if ((codePoint == '\'' || codePoint == '’') && !runIsHan && run.length() > 0) {
                continue; // joins "don't" into "dont"
            } else {
                flush(run, tokens);
                runIsHan = false;
                if (codePoint == '?' || codePoint == '!' || isSymbol(codePoint)) {
                    tokens.add(new String(Character.toChars(codePoint)));
                }
            }
        }
        flush(run, tokens);
        return tokens.toArray(String[]::new);
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** True for a token made of Han characters. */
    static boolean isHanToken(String token) {
        return !token.isEmpty() && isHan(token.codePointAt(0));
    }

    /** True for a word token that contains a letter (not a number, emoji or punctuation mark). */
    static boolean isLetterWord(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return !isHanToken(token);
            }
        }
        return false;
    }

    private static boolean isWordPart(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isSymbol(int codePoint) {
        return Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }

    private static void flush(StringBuilder run, List<String> tokens) {
        if (run.length() > 0) {
            tokens.add(run.toString());
            run.setLength(0);
        }
    }

    private static boolean isLinkStart(String text, int index) {
        char first = text.charAt(index);
        return (first == 'h' || first == 'w')
                && (index == 0 || !Character.isLetterOrDigit(text.charAt(index - 1)))
                // "ww." because the normaliser has already cut "www" to two letters
                && (text.startsWith("http://", index)
                        || text.startsWith("https://", index)
                        || text.startsWith("ww.", index));
    }

    /** The row of {@link #EMOTICONS} that starts at {@code index}, or -1. */
    private static int emoticonAt(String text, int index) {
        char first = text.charAt(index);
        if (first != ':' && first != ';' && first != '<') {
            return -1;
        }
        for (int row = 0; row < EMOTICONS.length; row++) {
            String emoticon = EMOTICONS[row][0];
            if (text.startsWith(emoticon, index) && endsToken(text, index + emoticon.length())) {
                return row;
            }
        }
        return -1;
    }

    /** ":d" is an emoticon only when no letter follows, so ":done" stays a word. */
    private static boolean endsToken(String text, int end) {
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }
}
