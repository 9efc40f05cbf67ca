package dev.rapport.survey;

import dev.rapport.engine.ActionContext;
import dev.rapport.engine.Reading;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code survey_record} action: stores the answer the question's slot holds, confirms it to the
 * customer and names the next question. A multiple choice collects its options over several presses
 * (in slot {@code <question>_chosen}, and stored as a partial answer so a resumed survey and the export
 * keep them) until "done". An answer to a response that has expired is not
 * stored; the flow then says so. Stateless; thread-safe.
 */
final class AnswerRecorder {

    private final Map<String, Survey> surveys;
    private final SurveySettings settings;
    private final Clock clock;
    private final SurveyAlerts alerts;

    AnswerRecorder(Map<String, Survey> surveys, SurveySettings settings, Clock clock, SurveyAlerts alerts) {
        this.alerts = alerts;
        this.surveys = surveys;
        this.settings = settings;
        this.clock = clock;
    }

    String record(ActionContext context) {
        Survey survey = surveys.get(context.params().get("survey"));
        Survey.Question question =
                survey.question(context.params().get("question")).orElseThrow();
        String slot = context.slot(SurveyActions.RESPONSE_SLOT);
        Optional<SurveyResponses.Response> response =
                slot == null ? Optional.empty() : SurveyResponses.byId(context.handle(), Long.parseLong(slot));
        if (response.isEmpty() || !response.get().resumable(settings.expiry(), clock.instant())) {
            response.ifPresent(expired -> expire(context, expired));
            return SurveyFlow.OUTCOME_EXPIRED;
        }
        long id = response.get().id();
        String value = context.slot(question.id());
        if (SurveyFlow.SKIP.equals(value)) {
            skip(context, id, question);
        } else if (question.type() == QuestionType.MULTIPLE) {
            Optional<String> again = multiple(context, id, question, value);
            if (again.isPresent()) {
                return again.get();
            }
        } else if (question.type().isScale()) {
            SurveyResponses.record(
                    context.handle(),
                    id,
                    new SurveyResponses.Answer(
                            question.id(),
                            question.type(),
                            Integer.valueOf(value),
                            value,
                            false,
                            null,
                            null,
                            question.top()));
            alerts.answered(context, id, survey, question, Integer.parseInt(value));
            context.say("survey.recorded", Map.of("answer", value));
        } else if (question.type() == QuestionType.SINGLE) {
            Survey.Option option = question.option(value).orElseThrow();
            SurveyResponses.record(
                    context.handle(),
                    id,
                    new SurveyResponses.Answer(question.id(), question.type(), null, value, false, null, null, null));
            context.say("survey.recorded", Map.of("answer", context.text(option.text(), Map.of())));
        } else {
            Reading reading = context.reading();
            SurveyResponses.record(
                    context.handle(),
                    id,
                    new SurveyResponses.Answer(
                            question.id(),
                            question.type(),
                            null,
                            value,
                            false,
                            reading.sentiment(),
                            reading.sentimentScore(),
                            null));
            context.say("survey.noted", Map.of());
        }
        return SurveyActions.next(survey, SurveyResponses.answers(context.handle(), id));
    }

    private static void skip(ActionContext context, long id, Survey.Question question) {
        SurveyResponses.record(
                context.handle(),
                id,
                new SurveyResponses.Answer(question.id(), question.type(), null, null, true, null, null, null));
        context.setSlot(question.id(), "");
        context.say("survey.skipped", Map.of());
    }

    /** A press on an option toggles it and asks again; "done" stores the choice. Empty when the question is answered. */
    private static Optional<String> multiple(ActionContext context, long id, Survey.Question question, String value) {
        String chosenSlot = question.id() + "_chosen";
        List<String> chosen = new ArrayList<>(split(context.slot(chosenSlot)));
        if (!SurveyFlow.DONE.equals(value)) {
            if (!chosen.remove(value)) {
                chosen.add(value);
            }
            chosen.sort(java.util.Comparator.comparingInt(option -> indexOf(question, option)));
            context.setSlot(chosenSlot, String.join(",", chosen));
            SurveyResponses.recordPartial(context.handle(), id, question.id(), String.join(",", chosen));
            context.say(
                    chosen.isEmpty() ? "survey.none_chosen" : "survey.chosen",
                    Map.of("answer", texts(context, question, chosen)));
            return Optional.of(SurveyFlow.OUTCOME_ASK + question.id());
        }
        if (chosen.isEmpty()) {
            if (question.optional()) {
                skip(context, id, question);
                return Optional.empty();
            }
            context.say("survey.choose_one", Map.of());
            return Optional.of(SurveyFlow.OUTCOME_ASK + question.id());
        }
        String answer = String.join(",", chosen);
        SurveyResponses.record(
                context.handle(),
                id,
                new SurveyResponses.Answer(question.id(), question.type(), null, answer, false, null, null, null));
        context.setSlot(question.id(), answer);
        context.say("survey.recorded", Map.of("answer", texts(context, question, chosen)));
        return Optional.empty();
    }

    private static int indexOf(Survey.Question question, String value) {
        for (int i = 0; i < question.options().size(); i++) {
            if (question.options().get(i).value().equals(value)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String texts(ActionContext context, Survey.Question question, List<String> values) {
        return values.stream()
                .map(value -> question.option(value)
                        .map(option -> context.text(option.text(), Map.of()))
                        .orElse(value))
                .collect(Collectors.joining(
                        context.customer().language() == dev.rapport.domain.Language.ZH ? "、" : ", "));
    }

    /** Marks an open response expired (the job may not have run yet) and records the event once. */
    static void expire(ActionContext context, SurveyResponses.Response response) {
        if (response.status() == SurveyResponses.Status.OPEN) {
            SurveyResponses.finish(context.handle(), response.id(), SurveyResponses.Status.EXPIRED);
            context.event(SurveyEvent.EXPIRED, Map.of("survey", response.surveyId(), "response", response.id()));
        }
    }
}
