package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rapport.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What an operator sees when the database address or login is wrong: the cause, and never the password. */
class DatabaseLoginTest {

    @Test
    void aLoginTheServerRefusesIsReportedAsAnAuthenticationFailureNotAsMigrations() {
        String url = TestDatabase.freshUnmigratedUrl();
        String asStranger = url + (url.contains("?") ? "&" : "?") + "user=nobody_here";
        try (var database = Database.connect(asStranger, 1)) {
            assertThatThrownBy(database::migrate)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("authentication failed")
                    .hasMessageContaining("nobody_here")
                    .hasMessageContaining("DATABASE_URL")
                    .hasMessageNotContaining("migration");
        }
    }

    @Test
    void aPasswordInTheJdbcUrlIsNeverLoggedWhateverItsCase() {
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        try {
            String url = TestDatabase.freshUnmigratedUrl();
            String withPassword = url + (url.contains("?") ? "&" : "?") + "PASSWORD=Hunter2Secret";
            try (var database = Database.connect(withPassword, 2)) {
                database.migrate();
            }
        } finally {
            root.detachAppender(appender);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("Hunter2Secret"));
    }
}
