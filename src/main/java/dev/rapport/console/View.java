package dev.rapport.console;

import dev.rapport.domain.Language;
import dev.rapport.feature.PageRoute;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffSession;
import dev.rapport.web.page.Markup;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What one page is drawn with: the signed-in member (or nobody), their language, the texts, and the
 * business's time zone for dates. Made per request; not shared between threads.
 */
final class View {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final StaffSession session;
    final Language language;
    private final Texts texts;
    private final ZoneId zone;

    View(StaffSession session, Language language, Texts texts, ZoneId zone) {
        this.session = session;
        this.language = language;
        this.texts = texts;
        this.zone = zone;
    }

    String t(String key, Object... values) {
        return texts.get(language, key, values);
    }

    boolean has(String key) {
        return texts.all(language).containsKey(key);
    }

    /** A hidden form field with the session's CSRF token. */
    Markup csrf() {
        return Markup.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", PageRoute.CSRF_FIELD, session.csrfToken());
    }

    boolean is(Role role) {
        return session != null && session.member().role() == role;
    }

    String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    String htmlLang() {
        return language == Language.ZH ? "zh-CN" : "en";
    }
}
