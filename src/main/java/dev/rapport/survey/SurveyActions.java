package dev.rapport.survey;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The actions a compiled survey flow calls (see {@link SurveyFlow}): begin or resume a response,
 * record an answer, complete the response; and {@code survey_resume}, which the feedback flow asks
 * which survey the customer left unfinished. All run in the turn's transaction, so a response and its
 * answers commit with the replies that confirm them. Stateless; thread-safe.
 */
final class SurveyActions {

    static final String BEGIN = "survey_begin";
    static final String RECORD = "survey_record";
    static final String COMPLETE = "survey_complete";
    static final String RESUME = "survey_resume";
    /** The slot holding the response id while a survey runs. */
    static final String RESPONSE_SLOT = "survey_response";
    /** The slot a starter fills with why the survey runs ({@code complaint:T-1}); absent means the menu. */
    static final String TRIGGER_SLOT = "trigger";
    /** Message keys these actions say; start-up checks both languages have them. */
    static final Set<String> MESSAGE_KEYS = Set.of(
            "survey.resumed",
            "survey.recorded",
            "survey.skipped",
            "survey.chosen",
            "survey.none_chosen",
            "survey.choose_one",
            "survey.noted");

    private final Map<String, Survey> surveys;
    private final SurveySettings settings;
    private final Clock clock;
    private final SurveyAlerts alerts;

    SurveyActions(Map<String, Survey> surveys, SurveySettings settings, Clock clock, SurveyAlerts alerts) {
        this.alerts = alerts;
        this.surveys = Map.copyOf(surveys);
        this.settings = settings;
        this.clock = clock;
    }

    List<Action> all() {
        return List.of(
                action(BEGIN, this::begin),
                action(RECORD, new AnswerRecorder(surveys, settings, clock, alerts)::record),
                action(COMPLETE, this::complete),
                action(RESUME, this::resume));
    }

    private Survey survey(ActionContext context) {
        return surveys.get(context.params().get("survey"));
    }

    private String begin(ActionContext context) {
        Survey survey = survey(context);
        long customer = context.customer().id();
        String trigger = context.slot(TRIGGER_SLOT);
        Optional<SurveyResponses.Response> existing = trigger == null
                ? SurveyResponses.latestOpen(
                        context.handle(), survey.id(), customer, settings.expiry(), clock.instant())
                : SurveyResponses.forTrigger(context.handle(), survey.id(), customer, trigger);
        if (existing.isPresent()) {
            return resume(context, survey, existing.get());
        }
        Map<String, String> kept = new LinkedHashMap<>();
        survey.finish().keep().forEach(slot -> {
            if (context.slot(slot) != null) {
                kept.put(slot, context.slot(slot));
            }
        });
        var who = new SurveyResponses.Respondent(
                customer,
                context.customer().tier(),
                context.message().channel(),
                context.message().chatKey(),
                context.customer().language());
        String why = trigger == null ? SurveyResponses.MENU : trigger;
        SurveyResponses.Response response = SurveyResponses.create(context.handle(), survey.id(), why, who, kept);
        context.setSlot(RESPONSE_SLOT, String.valueOf(response.id()));
        context.setSlot(TRIGGER_SLOT, why);
        context.event(SurveyEvent.STARTED, Map.of("survey", survey.id(), "response", response.id(), "trigger", why));
        return survey.intro() != null ? SurveyFlow.OUTCOME_INTRO : next(survey, Map.of());
    }

    private String resume(ActionContext context, Survey survey, SurveyResponses.Response response) {
        if (response.status() == SurveyResponses.Status.COMPLETED) {
            return SurveyFlow.OUTCOME_CLOSED;
        }
        if (!response.resumable(settings.expiry(), clock.instant())) {
            AnswerRecorder.expire(context, response);
            return SurveyFlow.OUTCOME_EXPIRED;
        }
        context.setSlot(RESPONSE_SLOT, String.valueOf(response.id()));
        context.setSlot(TRIGGER_SLOT, response.trigger());
        response.context().forEach(context::setSlot);
        Map<String, String> answers = SurveyResponses.answers(context.handle(), response.id());
        answers.forEach((question, value) -> context.setSlot(question, SurveyFlow.SKIP.equals(value) ? "" : value));
        // Options chosen on a multiple choice before the customer left stay chosen.
        SurveyResponses.partialChoices(context.handle(), response.id())
                .forEach((question, chosen) -> context.setSlot(question + "_chosen", chosen));
        context.event(
                SurveyEvent.RESUMED,
                Map.of("survey", survey.id(), "response", response.id(), "answered", answers.size()));
        context.say("survey.resumed", Map.of());
        return next(survey, answers);
    }

    /** The first question without an answer, or done. */
    static String next(Survey survey, Map<String, String> answers) {
        return survey.questions().stream()
                .filter(question -> !answers.containsKey(question.id()))
                .findFirst()
                .map(question -> SurveyFlow.OUTCOME_ASK + question.id())
                .orElse(SurveyFlow.OUTCOME_DONE);
    }

    private String complete(ActionContext context) {
        long id = Long.parseLong(context.slot(RESPONSE_SLOT));
        SurveyResponses.finish(context.handle(), id, SurveyResponses.Status.COMPLETED);
        context.event(
                SurveyEvent.COMPLETED,
                Map.of(
                        "survey",
                        survey(context).id(),
                        "response",
                        id,
                        "trigger",
                        String.valueOf(context.slot(TRIGGER_SLOT))));
        return Action.OK;
    }

    /** The id of the survey the customer most recently left unfinished (and may still resume), or {@code none}. */
    private String resume(ActionContext context) {
        return SurveyResponses.latestOpen(
                        context.handle(), null, context.customer().id(), settings.expiry(), clock.instant())
                .map(SurveyResponses.Response::surveyId)
                .orElse("none");
    }

    private static Action action(String name, java.util.function.Function<ActionContext, String> work) {
        return new Action() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(ActionContext context) {
                return work.apply(context);
            }
        };
    }
}
