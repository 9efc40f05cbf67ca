package dev.rapport.survey;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of question a survey asks. Scales ({@link #CSAT}, {@link #NPS}, {@link #CES}) are
 * answered with a number button (or the number typed); choices with their options' buttons; text by
 * writing.
 */
enum QuestionType {
    /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT("csat", 1, 5),
    /** Net promoter score: how likely to recommend us, 0 to 10. */
    NPS("nps", 0, 10),
    /** Customer effort score: how easy it was, 1 (very hard) to 7 (very easy), or to 5 where the survey sets {@code ces_scale: 5}. */
    CES("ces", 1, 7),
    SINGLE("single", 0, 0),
    MULTIPLE("multiple", 0, 0),
    TEXT("text", 0, 0);

    /** As written in survey files and stored in {@code survey_answers.question_type}. */
    final String word;

    final int min;
    final int max;

    QuestionType(String word, int min, int max) {
        this.word = word;
        this.min = min;
        this.max = max;
    }

    boolean isScale() {
        return this == CSAT || this == NPS || this == CES;
    }

    boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }

    static Optional<QuestionType> of(String word) {
        return Arrays.stream(values()).filter(type -> type.word.equals(word)).findFirst();
    }

    static List<String> words() {
        return Arrays.stream(values()).map(type -> type.word).toList();
    }
}
