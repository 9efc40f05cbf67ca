package dev.rapport.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * One conversation test from {@code conversations/tests/*.yaml}: a customer of a language and tier,
 * and the turns of a dialogue — what they say or press, and what the bot must answer.
 *
 * @param file     the file it comes from
 * @param name     as written in the file, shown when it fails
 * @param language {@code en} or {@code zh}: the customer's language and the texts message keys are read in
 * @param tier     the customer's tier: {@code key}, {@code major}, {@code ordinary} or {@code small}
 * @param customer the customer's name, or null for one without a name
 */
record DialogueTest(Path file, String name, String language, String tier, String customer, List<Step> steps) {

    /**
     * One thing the customer does and what the bot must answer.
     *
     * @param say    a text or /command the customer sends; null when the step presses a button
     * @param press  a button of the bot's last reply, by its value, label or message key; null when the step says
     * @param expect each reply the bot must send, in order, all of them: a message key (its text, placeholders
     *               filled by anything), {@code /regex/} (found in the reply), or other text (contained in it);
     *               null checks nothing
     */
    record Step(String say, String press, List<String> expect) {

        String describe() {
            return say != null ? "says \"" + say + "\"" : "presses \"" + press + "\"";
        }
    }
}
