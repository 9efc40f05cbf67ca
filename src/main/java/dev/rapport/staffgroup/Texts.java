package dev.rapport.staffgroup;

import dev.rapport.flow.Messages;
import java.util.Map;
import java.util.Set;

/** What Rapport writes into the staff group, in the group's language. Immutable; thread-safe. */
final class Texts {

    static final Set<String> KEYS = Set.of(
            "staffgroup.card",
            "staffgroup.card_no_tickets",
            "staffgroup.claimed",
            "staffgroup.handed_back",
            "staffgroup.taken",
            "staffgroup.already_yours",
            "staffgroup.not_linked",
            "staffgroup.no_handoff",
            "staffgroup.blocked",
            "staffgroup.resolved",
            "staffgroup.resolve_usage",
            "staffgroup.note_usage",
            "staffgroup.refused",
            "staffgroup.media_not_sent",
            "staffgroup.topic_recreated",
            "staffgroup.folded",
            "staffgroup.media",
            "staffgroup.edited",
            "staffgroup.linked",
            "staffgroup.link_unknown");

    private final Messages messages;
    private final String language;

    Texts(Messages messages, String language) {
        this.messages = messages;
        this.language = language;
    }

    String text(String key, Map<String, ?> vars) {
        return messages.text(language, "staffgroup." + key, vars);
    }

    String text(String key) {
        return text(key, Map.of());
    }
}
