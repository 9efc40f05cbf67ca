package dev.rapport.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped message files hold the same keys with the same placeholders, checked as the loader checks them. */
class MessagesInSyncTest {

    private static final Path MESSAGES = Path.of("conversations", "messages");

    @Test
    void englishAndChineseHaveTheSameKeysAndPlaceholders() {
        Problems problems = new Problems();
        MessageFile english = MessageFile.read(MESSAGES.resolve("en.yaml"), "en", problems);
        MessageFile chinese = MessageFile.read(MESSAGES.resolve("zh.yaml"), "zh", problems);

        MessageChecks.checkInSync(english, List.of(english, chinese), problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(english.texts()).isNotEmpty();
        assertThat(chinese.texts().keySet()).isEqualTo(english.texts().keySet());
    }
}
