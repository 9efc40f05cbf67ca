package dev.rapport.nlu;

/**
 * How much of a message is written in which script, counted over its tokens: Han characters one
 * by one (a Chinese character carries about as much as a short English word), other text word by
 * word. Immutable.
 *
 * @param hanChars Han characters
 * @param kanaChars Hiragana and Katakana characters, which mark Japanese
 * @param latinWords words in the Latin script
 * @param otherWords words in any other script (Arabic, Hebrew, Cyrillic, Hangul, Thai, kana …)
 * @param latinLetters letters in Latin words
 */
record ScriptProfile(int hanChars, int kanaChars, int latinWords, int otherWords, int latinLetters) {

    static ScriptProfile of(String[] tokens) {
        int han = 0;
        int kana = 0;
        int latin = 0;
        int other = 0;
        int latinLetters = 0;
        for (String token : tokens) {
            if (ChatTokenizer.isHanToken(token)) {
                han += token.codePointCount(0, token.length());
            } else if (ChatTokenizer.isLetterWord(token)) {
                int letters = 0;
                boolean isLatin = false;
                for (int i = 0; i < token.length(); ) {
                    int codePoint = token.codePointAt(i);
                    i += Character.charCount(codePoint);
                    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
                    if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                        kana++;
                    }
                    if (Character.isLetter(codePoint)) {
                        letters++;
                        if (letters == 1) {
                            isLatin = script == Character.UnicodeScript.LATIN;
                        }
                    }
                }
                if (isLatin) {
                    latin++;
                    latinLetters += letters;
                } else {
                    other++;
                }
            }
        }
        return new ScriptProfile(han, kana, latin, other, latinLetters);
    }

    /** True when the message has no letters at all: only emoji, numbers or punctuation. */
    boolean hasNoLetters() {
        return hanChars == 0 && latinWords == 0 && otherWords == 0;
    }

    /** Han characters as a share of all units (Han characters plus words), 0 without letters. */
    double hanShare() {
        int units = hanChars + latinWords + otherWords;
        return units == 0 ? 0 : (double) hanChars / units;
    }

    /** Japanese writes kana between its Han characters; Chinese never does. */
    boolean looksJapanese() {
        return kanaChars >= 2 && kanaChars * 5 >= hanChars + kanaChars;
    }
}
