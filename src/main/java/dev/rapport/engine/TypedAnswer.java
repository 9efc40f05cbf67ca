package dev.rapport.engine;

import dev.rapport.flow.ButtonSpec;
import dev.rapport.flow.Messages;
import dev.rapport.flow.Step;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a typed text as a press of one of the buttons the waiting question offers, because customers
 * type what a button says as often as they tap it. A text selects a button when, after folding case,
 * width (full-width "４" is "4") and punctuation:
 * <ol>
 *   <li>it is the button's label in any language, or one of its paraphrases — message key
 *       {@code dialogue.also.<label key>}, phrases separated by {@code |}, in any language;</li>
 *   <li>(questions that take only buttons) it is a number: a button whose value is that number, else
 *       the button at that position, counted from 1;</li>
 *   <li>(questions that take only buttons) it contains exactly one button's label or paraphrase
 *       ("a delivery", "太贵了"), or is a word of exactly one label ("quality").</li>
 * </ol>
 * Anything else, or a text that fits two buttons, selects nothing: the question is asked again.
 * Buttons that start a flow are never selected by typing. Immutable; thread-safe.
 */
final class TypedAnswer {

    /** Message-key prefix of a button's paraphrases; {@code dialogue.also.complaint.category.delivery}. */
    static final String ALSO = "dialogue.also.";
    /** Latin words shorter than this are too weak to select a button by containment. */
    private static final int MIN_WORD = 3;

    private final Messages messages;

    TypedAnswer(Messages messages) {
        this.messages = messages;
    }

    /** The value of the button {@code text} selects on {@code ask}, if exactly one. */
    Optional<String> match(Step.Ask ask, String text) {
        List<ButtonSpec> buttons = ask.buttons().stream()
                .flatMap(List::stream)
                .filter(button -> !button.startsFlow())
                .toList();
        String typed = fold(text);
        if (buttons.isEmpty() || typed.isEmpty()) {
            return Optional.empty();
        }
        Map<ButtonSpec, List<String>> phrases = new java.util.LinkedHashMap<>();
        buttons.forEach(button -> phrases.put(button, phrases(button)));

        Optional<String> exact = only(buttons, button -> phrases.get(button).contains(typed));
        if (exact.isPresent() || ask.input() == Step.Input.TEXT) {
            return exact;
        }
        if (typed.matches("\\d{1,3}")) {
            Optional<String> byValue = buttons.stream()
                    .map(ButtonSpec::value)
                    .filter(typed::equals)
                    .findFirst();
            int position = Integer.parseInt(typed);
            return byValue.isPresent()
                    ? byValue
                    : position >= 1 && position <= buttons.size()
                            ? Optional.of(buttons.get(position - 1).value())
                            : Optional.empty();
        }
        Optional<String> contained = only(
                buttons,
                button -> phrases.get(button).stream().anyMatch(phrase -> strong(phrase) && contains(typed, phrase)));
        if (contained.isPresent() || !strong(typed)) {
            return contained;
        }
        return only(buttons, button -> phrases.get(button).stream().anyMatch(phrase -> contains(phrase, typed)));
    }

    /** The button's label in every language and its paraphrases, folded. */
    private List<String> phrases(ButtonSpec button) {
        Set<String> all = new LinkedHashSet<>();
        for (String language : messages.languages()) {
            if (messages.has(language, button.text())) {
                all.add(fold(messages.text(language, button.text())));
            }
            if (messages.has(language, ALSO + button.text())) {
                for (String phrase :
                        messages.text(language, ALSO + button.text()).split("\\|")) {
                    all.add(fold(phrase));
                }
            }
        }
        all.remove("");
        return new ArrayList<>(all);
    }

    /** The value of the one button that fits; none when no button or several different ones fit. */
    private static Optional<String> only(List<ButtonSpec> buttons, java.util.function.Predicate<ButtonSpec> fits) {
        List<String> values =
                buttons.stream().filter(fits).map(ButtonSpec::value).distinct().toList();
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /** Whether {@code phrase} occurs in {@code text}: as whole words for Latin script, anywhere for Han. */
    private static boolean contains(String text, String phrase) {
        if (hasHan(phrase)) {
            return text.contains(phrase);
        }
        return (" " + text + " ").contains(" " + phrase + " ");
    }

    /** Long enough to mean something on its own: any Han text, or Latin of {@link #MIN_WORD} letters. */
    private static boolean strong(String phrase) {
        return hasHan(phrase) || phrase.length() >= MIN_WORD;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * NFKC (full-width to half-width), lower case, every run of punctuation, symbols and white space
     * as one space, trimmed; emoji and marks go too.
     */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        return out.toString().trim().replaceAll(" +", " ");
    }
}
