package dev.rapport.engine;

import java.util.regex.Pattern;

/**
 * Recognises HTML, XML or program code pasted into the chat. Its words are not the customer talking
 * (a pasted page full of "great" and "thanks" is not praise), so such a text starts no flow by its
 * intent: outside a dialogue it gets the "didn't understand" answer. Stateless; thread-safe.
 */
final class PastedCode {

    private static final Pattern TAGS = Pattern.compile("<\\s*/?\\s*[a-zA-Z][a-zA-Z0-9-]*(\\s[^<>]*)?/?>");
    private static final Pattern CODE = Pattern.compile(
            "(?m)(^\\s*(import |package |#include|def |function |public |private |class |SELECT |var |const |let )"
                    + "|[;{}]\\s*$|=>|\\)\\s*\\{)");

    private PastedCode() {}

    static boolean looksLikeCode(String text) {
        var tags = TAGS.matcher(text);
        int tagCount = 0;
        while (tags.find() && tagCount < 2) {
            tagCount++;
        }
        if (tagCount >= 2) {
            return true;
        }
        var code = CODE.matcher(text);
        int codeLines = 0;
        while (code.find() && codeLines < 2) {
            codeLines++;
        }
        return codeLines >= 2;
    }
}
