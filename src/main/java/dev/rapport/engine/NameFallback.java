package dev.rapport.engine;

import java.util.regex.Pattern;

/**
 * A customer without a known name: a greeting still reads "Hi there!" / "朋友，你好！", but a name
 * addressed at the end of a clause ("Thanks for talking with us, {name}.") is left out rather than
 * filled with the fallback ("…with us, there."). Stateless; thread-safe.
 */
final class NameFallback {

    /** Stands for the missing name while a text is filled; never reaches a customer. */
    static final String MARK = "\u0000name\u0000";

    private static final Pattern ADDRESSED = Pattern.compile("\\s*[,，]\\s*" + Pattern.quote(MARK) + "(?=[.!?:;。！？：；])");

    private NameFallback() {}

    /** {@code text} with the missing name dropped where it is addressed mid-sentence, else the fallback. */
    static String fill(String text, java.util.function.Supplier<String> fallback) {
        if (!text.contains(MARK)) {
            return text; // nearly every text: the fallback is not even looked up
        }
        return ADDRESSED.matcher(text).replaceAll("").replace(MARK, fallback.get());
    }
}
