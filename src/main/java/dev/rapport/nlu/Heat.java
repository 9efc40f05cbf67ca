package dev.rapport.nlu;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a message is said in anger, as opposed to merely reporting a problem: the sentiment
 * model answers how likely a text is negative, not how strongly, and a calm "the lid arrived
 * cracked" reads as certain as "worst shop ever, you scammers!!!". Anger shows in the words and
 * the typing: an exclamation mark, a shouted word, an angry emoji, insults and words of outrage in
 * English or Chinese ("worst", "scammers", "fed up", 垃圾, 骗子, 气死). Stateless; thread-safe.
 */
public final class Heat {

    private static final List<String> ENGLISH = List.of(
            "worst",
            "scam",
            "scams",
            "scammer",
            "scammers",
            "thief",
            "thieves",
            "fraud",
            "furious",
            "angry",
            "livid",
            "outraged",
            "outrageous",
            "disgrace",
            "disgraceful",
            "disgusting",
            "useless",
            "pathetic",
            "terrible",
            "horrible",
            "awful",
            "appalling",
            "ridiculous",
            "unacceptable",
            "incompetent",
            "liars",
            "liar",
            "rip off",
            "ripoff",
            "rip-off",
            "fed up",
            "sick of",
            "never again",
            "joke",
            "hate",
            "shameful",
            "wtf",
            "damn",
            "hell",
            "crap",
            "rubbish");
    private static final List<String> CHINESE = List.of(
            "垃圾", "骗子", "骗人", "欺骗", "气死", "气人", "生气", "愤怒", "太差", "最差", "差劲", "恶心", "恶劣", "无语", "坑人", "黑店", "离谱", "过分",
            "忍无可忍", "再也不", "受够", "差评", "滚", "什么玩意", "破店");
    private static final Pattern ENGLISH_WORDS = Pattern.compile(
            "\\b(" + String.join("|", ENGLISH.stream().map(Pattern::quote).toList()) + ")\\b");
    /** A word of four or more capital letters: shouting (short ones are mostly acronyms: DHL, SMS). */
    private static final Pattern SHOUTED = Pattern.compile("\\b[A-Z]{4,}\\b");

    private static final Pattern ANGRY_EMOJI = Pattern.compile("[😡🤬😠👿💢🖕]");

    private Heat() {}

    /** True when {@code text} carries a sign of anger; false for null or blank text. */
    public static boolean heated(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (text.indexOf('!') >= 0 || text.indexOf('！') >= 0) {
            return true;
        }
        if (SHOUTED.matcher(text).find() || ANGRY_EMOJI.matcher(text).find()) {
            return true;
        }
        if (ENGLISH_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        return CHINESE.stream().anyMatch(text::contains);
    }
}
