package dev.rapport.console;

import dev.rapport.staff.StaffSession;
import java.time.ZoneId;

/** Makes the {@link View} of a request: the member's language, the texts, the business's zone. Thread-safe. */
final class Views {

    private final Texts texts;
    private final ZoneId zone;

    Views(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    View of(StaffSession session) {
        return new View(session, session.member().language(), texts, zone);
    }

    Texts texts() {
        return texts;
    }
}
