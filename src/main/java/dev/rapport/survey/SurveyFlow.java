package dev.rapport.survey;

import dev.rapport.flow.ButtonSpec;
import dev.rapport.flow.Flow;
import dev.rapport.flow.MainMenu;
import dev.rapport.flow.Source;
import dev.rapport.flow.Step;
import dev.rapport.flow.Triggers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link Survey} into an ordinary flow {@code survey_<id>}, which the engine runs and the
 * flow loader checks like any flow file (message keys in both languages, known actions, button
 * data within 64 bytes). The shape, for questions {@code q1 .. qn}:
 *
 * <pre>
 * survey-begin    action survey_begin: new response, or resume one (outcome ask:&lt;first unanswered&gt;)
 * survey-intro    say the intro (new responses only), then q1
 * q1              ask with the question's buttons (and "skip" when optional)
 * record-q1       action survey_record: store the answer, confirm it; outcome ask:&lt;next&gt; or done
 * ...
 * survey-complete action survey_complete: the response is complete
 * finish-action   the survey's finish action, if any; its outcome picks closing-&lt;outcome&gt;
 * closing         the closing text (and closing-&lt;outcome&gt; for each outcome)
 * survey-expired  said when the customer answers a response that has expired
 * survey-closed   said when this trigger's response is already finished
 * </pre>
 *
 * Internal step ids contain a hyphen, which question ids cannot, so they never collide.
 * Stateless.
 */
final class SurveyFlow {

    static final String SKIP = "_skip";
    static final String DONE = "_done";
    static final String OUTCOME_ASK = "ask:";
    static final String OUTCOME_DONE = "done";
    static final String OUTCOME_INTRO = "intro";
    static final String OUTCOME_EXPIRED = "expired";
    static final String OUTCOME_CLOSED = "closed";
    private static final String BEGIN = "survey-begin";
    private static final String INTRO = "survey-intro";
    private static final String COMPLETE = "survey-complete";
    private static final String FINISH_ACTION = "finish-action";
    private static final String CLOSING = "closing";
    private static final String EXPIRED = "survey-expired";
    private static final String CLOSED = "survey-closed";

    private SurveyFlow() {}

    /** {@code menu}: the main menu's rows, shown under the survey's last message. */
    static Flow compile(Survey survey, List<List<ButtonSpec>> menu) {
        Source at = survey.source();
        Map<String, String> params = Map.of("survey", survey.id());
        List<Step> steps = new ArrayList<>();
        String afterQuestions = COMPLETE;
        Map<String, String> toQuestions = new LinkedHashMap<>();
        survey.questions().forEach(question -> toQuestions.put(OUTCOME_ASK + question.id(), question.id()));
        toQuestions.put(OUTCOME_DONE, afterQuestions);

        Map<String, String> fromBegin = new LinkedHashMap<>(toQuestions);
        if (survey.intro() != null && !survey.questions().isEmpty()) {
            fromBegin.put(OUTCOME_INTRO, INTRO);
        }
        fromBegin.put(OUTCOME_CLOSED, CLOSED);
        fromBegin.put(OUTCOME_EXPIRED, EXPIRED);
        steps.add(new Step.Action(BEGIN, SurveyActions.BEGIN, params, fromBegin, CLOSED, at));
        if (fromBegin.containsKey(OUTCOME_INTRO)) {
            steps.add(new Step.Say(
                    INTRO, survey.intro(), List.of(), survey.questions().get(0).id(), at));
        }
        Map<String, String> fromRecord = new LinkedHashMap<>(toQuestions);
        fromRecord.put(OUTCOME_EXPIRED, EXPIRED);
        for (Survey.Question question : survey.questions()) {
            steps.add(ask(survey, question));
            steps.add(new Step.Action(
                    "record-" + question.id(),
                    SurveyActions.RECORD,
                    Map.of("survey", survey.id(), "question", question.id()),
                    fromRecord,
                    afterQuestions,
                    question.source()));
        }
        Survey.Finish finish = survey.finish();
        boolean hasAction = finish.action() != null;
        steps.add(new Step.Action(
                COMPLETE,
                SurveyActions.COMPLETE,
                params,
                Map.of(),
                hasAction ? FINISH_ACTION : CLOSING,
                finish.source()));
        if (hasAction) {
            Map<String, String> outcomes = new LinkedHashMap<>();
            finish.outcomes().keySet().forEach(outcome -> outcomes.put(outcome, CLOSING + "-" + outcome));
            steps.add(new Step.Action(FINISH_ACTION, finish.action(), Map.of(), outcomes, CLOSING, finish.source()));
            finish.outcomes()
                    .forEach((outcome, text) -> steps.add(end(CLOSING + "-" + outcome, text, finish.source(), menu)));
        }
        steps.add(end(CLOSING, finish.text(), finish.source(), menu));
        steps.add(end(EXPIRED, "survey.expired", at, menu));
        steps.add(end(CLOSED, "survey.closed", at, menu));
        return new Flow(survey.flowId(), Triggers.none(), steps, at, survey.internal());
    }

    private static Step.End end(String id, String text, Source source, List<List<ButtonSpec>> menu) {
        return new Step.End(id, text, MainMenu.at(menu, source), source);
    }

    private static Step.Ask ask(Survey survey, Survey.Question question) {
        Source at = question.source();
        List<List<ButtonSpec>> rows = new ArrayList<>();
        QuestionType type = question.type();
        if (type.isScale()) {
            int top = question.top();
            int split = type == QuestionType.NPS ? 6 : top + 1; // NPS: 0-5 and 6-10 on two rows
            rows.add(scale(type.min, Math.min(split, top + 1) - 1, at));
            if (split <= top) {
                rows.add(scale(split, top, at));
            }
        } else if (type.hasOptions()) {
            question.options()
                    .forEach(option ->
                            rows.add(List.of(new ButtonSpec(option.text(), option.value(), null, option.source()))));
        }
        if (type == QuestionType.MULTIPLE) {
            rows.add(List.of(new ButtonSpec("survey.button.done", DONE, null, at)));
        }
        if (question.optional() && type != QuestionType.MULTIPLE) { // a multiple choice is skipped by "done"
            rows.add(List.of(new ButtonSpec("survey.button.skip", SKIP, null, at)));
        }
        boolean typed = type.isScale() || type == QuestionType.TEXT;
        return new Step.Ask(
                question.id(),
                question.text(),
                question.id(),
                rows,
                typed ? Step.Input.TEXT : Step.Input.BUTTONS_ONLY,
                type.isScale() ? question.pattern() : null,
                type == QuestionType.TEXT
                        ? null
                        : "survey.invalid." + (type.isScale() ? invalidKey(question) : "buttons"),
                "record-" + question.id(),
                at);
    }

    /** The "send a number from … to …" text of a scale: a CES asked on 1–5 says what the CSAT text says. */
    private static String invalidKey(Survey.Question question) {
        return question.type() == QuestionType.CES && question.top() == 5
                ? QuestionType.CSAT.word
                : question.type().word;
    }

    private static List<ButtonSpec> scale(int from, int to, Source source) {
        List<ButtonSpec> row = new ArrayList<>();
        for (int score = from; score <= to; score++) {
            row.add(new ButtonSpec("survey.score." + score, String.valueOf(score), null, source));
        }
        return row;
    }
}
