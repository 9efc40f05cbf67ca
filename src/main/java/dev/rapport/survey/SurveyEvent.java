package dev.rapport.survey;

import dev.rapport.store.EventType;

/** Events of the survey feature. */
enum SurveyEvent implements EventType {
    STARTED("survey.started"),
    RESUMED("survey.resumed"),
    COMPLETED("survey.completed"),
    EXPIRED("survey.expired"),
    INVITED("survey.invited");

    private final String type;

    SurveyEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
