package dev.rapport.survey;

import dev.rapport.store.EventType;
import java.util.Set;

/** Events of the survey feature. */
enum SurveyEvent implements EventType {
    STARTED("survey.started", "survey", "response", "trigger"),
    RESUMED("survey.resumed", "survey", "response", "answered"),
    COMPLETED("survey.completed", "survey", "response", "trigger"),
    EXPIRED("survey.expired", "survey", "response"),
    INVITED("survey.invited", "survey", "campaign"),
    /** An NPS detractor or a CSAT of 1–2 ({@link SurveyAlerts}). */
    UNHAPPY(SurveyAlerts.KIND, "alert", "survey", "question_type", "score", "scale", "answer_id");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    SurveyEvent(String type, String... plain) {
        this.type = type;
        this.plain = Set.of(plain);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> plainKeys() {
        return plain;
    }
}
