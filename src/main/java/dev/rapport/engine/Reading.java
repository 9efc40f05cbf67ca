package dev.rapport.engine;

import dev.rapport.domain.Language;

/**
 * What was read from an inbound text: its language, intent and sentiment, stored with the message
 * and used for routing. Any part may be null when it was not interpreted.
 */
public record Reading(
        Language language, String intent, Double intentConfidence, String sentiment, Double sentimentScore) {

    public static final Reading NONE = new Reading(null, null, null, null, null);
}
