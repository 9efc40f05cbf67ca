package dev.rapport.survey;

import dev.rapport.flow.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey definition from {@code conversations/surveys/<id>.yaml}. Texts are message keys of
 * {@code conversations/messages/*.yaml}. Immutable; thread-safe.
 *
 * @param intro  said before the first question of a new response; null for none
 * @param finish what happens after the last answer
 * @param internal only Rapport starts it (a follow-up after a complaint), never a customer's button
 * @param cesScale the top of the scale its CES questions are asked on: 5 or 7 ({@code ces_scale}, 7 when not set)
 */
record Survey(
        String id,
        String intro,
        List<Question> questions,
        Finish finish,
        Source source,
        boolean internal,
        int cesScale) {

    /** The CES scales a survey may set with {@code ces_scale}: 1–5 or 1–7. */
    static final List<Integer> CES_SCALES = List.of(5, 7);

    static final int DEFAULT_CES_SCALE = 7;

    /** The prefix of the flow each survey compiles to: survey {@code feedback} runs as flow {@code survey_feedback}. */
    static final String FLOW_PREFIX = "survey_";

    Survey {
        questions = List.copyOf(questions);
    }

    String flowId() {
        return FLOW_PREFIX + id;
    }

    Optional<Question> question(String questionId) {
        return questions.stream()
                .filter(question -> question.id().equals(questionId))
                .findFirst();
    }

    /**
     * A question, in the order asked.
     *
     * @param options the buttons of a single or multiple choice, empty for other types
     * @param top     the highest score of a scale question (CSAT 5, NPS 10, CES the survey's 5 or 7); 0 for others
     */
    record Question(
            String id, QuestionType type, String text, List<Option> options, boolean optional, Source source, int top) {
        Question {
            options = List.copyOf(options);
        }

        /** The typed answers a scale question accepts: its whole numbers, so {@code 10} but not {@code 010}. */
        String pattern() {
            StringBuilder alternatives = new StringBuilder();
            for (int score = type.min; score <= top; score++) {
                alternatives.append(alternatives.isEmpty() ? "" : "|").append(score);
            }
            return "(" + alternatives + ")";
        }

        Optional<Option> option(String value) {
            return options.stream()
                    .filter(option -> option.value().equals(value))
                    .findFirst();
        }
    }

    /** One choice of a single or multiple choice question: the value stored and its text's message key. */
    record Option(String value, String text, Source source) {}

    /**
     * After the last answer: optionally a Java action (registered by another feature, such as the
     * complaint follow-up's review), whose outcome picks the closing text from {@code outcomes};
     * otherwise, or for another outcome, {@code text}.
     *
     * @param keep slots the action reads besides the answers (a ticket number); kept with the
     *             response so a survey resumed later still has them
     */
    record Finish(String action, Map<String, String> outcomes, String text, List<String> keep, Source source) {
        Finish {
            outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes)); // in file order
            keep = List.copyOf(keep);
        }
    }
}
