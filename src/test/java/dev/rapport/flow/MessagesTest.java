package dev.rapport.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesTest {

    private final Messages messages = new Messages(Map.of(
            "en",
                    Map.of(
                            "start.welcome",
                            "Hi {name}! I'm the assistant of {business}.",
                            "plain",
                            "Plain {",
                            "only_en",
                            "x"),
            "zh", Map.of("start.welcome", "{name}，你好！我是{business}的小助手。", "plain", "普通 {")));

    @Test
    void fillsPlaceholders() {
        assertThat(messages.text("en", "start.welcome", Map.of("name", "Ann", "business", "Tea House")))
                .isEqualTo("Hi Ann! I'm the assistant of Tea House.");
        assertThat(messages.text("zh", "start.welcome", Map.of("name", "小明", "business", "茶馆")))
                .isEqualTo("小明，你好！我是茶馆的小助手。");
    }

    @Test
    void leavesAPlaceholderWithoutVariableVisible() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("name", "Ann");
        vars.put("business", null);
        assertThat(messages.text("en", "start.welcome", vars)).isEqualTo("Hi Ann! I'm the assistant of {business}.");
        assertThat(messages.text("en", "start.welcome")).isEqualTo("Hi {name}! I'm the assistant of {business}.");
    }

    @Test
    void insertsValuesAsTheyAre() {
        assertThat(messages.text("en", "start.welcome", Map.of("name", "{business} $1 \\", "business", "B")))
                .isEqualTo("Hi {business} $1 \\! I'm the assistant of B.");
        assertThat(messages.text("en", "plain", Map.of("x", 1))).isEqualTo("Plain {");
    }

    @Test
    void unknownLanguageUsesEnglish() {
        assertThat(messages.text("fr", "plain", Map.of())).isEqualTo("Plain {");
        assertThat(messages.text(null, "plain", Map.of())).isEqualTo("Plain {");
        assertThat(messages.keys("fr")).isEqualTo(messages.keys("en"));
    }

    @Test
    void regionalCodeUsesItsBaseLanguage() {
        assertThat(messages.text("zh-hans", "plain", Map.of())).isEqualTo("普通 {");
        assertThat(messages.text("ZH_TW", "plain", Map.of())).isEqualTo("普通 {");
        assertThat(messages.text("en-GB", "plain", Map.of())).isEqualTo("Plain {");
    }

    @Test
    void answersWhatItHolds() {
        assertThat(messages.languages()).containsExactly("en", "zh");
        assertThat(messages.keys("en")).containsExactly("only_en", "plain", "start.welcome");
        assertThat(messages.has("en", "only_en")).isTrue();
        assertThat(messages.has("zh", "only_en")).isFalse();
    }

    @Test
    void unknownKeyIsAnErrorThatSaysWhereToAddIt() {
        assertThatThrownBy(() -> messages.text("zh", "nope", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining("conversations/messages/zh.yaml");
    }

    @Test
    void nestedMapsBecomeDottedKeys(@TempDir Path root) {
        ConversationsDir dir = new ConversationsDir(root)
                .write(
                        "messages/en.yaml",
                        ConversationsDir.EN
                                + "start:\n  greeting:\n    morning: \"Good morning\"\n  bye: \"Bye {name}\"\n")
                .write(
                        "messages/zh.yaml",
                        ConversationsDir.ZH + "start:\n  greeting:\n    morning: \"早上好\"\n  bye: \"{name}，再见\"\n")
                .flow("hello", "id: hello\nsteps:\n  - id: hi\n    end: hello\n");

        Messages loaded = dir.load().messages();

        assertThat(loaded.text("en", "start.greeting.morning", Map.of())).isEqualTo("Good morning");
        assertThat(loaded.text("zh", "start.bye", Map.of("name", "小红"))).isEqualTo("小红，再见");
        assertThat(loaded.keys("zh")).contains("menu.complaint", "start.greeting.morning", "start.bye");
    }

    @Test
    void scalarsStayAsWritten(@TempDir Path root) {
        ConversationsDir dir = new ConversationsDir(root)
                .write("messages/en.yaml", ConversationsDir.EN + "answer:\n  yes: yes\n  count: 5\n")
                .write("messages/zh.yaml", ConversationsDir.ZH + "answer:\n  yes: 是\n  count: 五\n")
                .flow("hello", "id: hello\nsteps:\n  - id: hi\n    end: hello\n");

        Messages loaded = dir.load().messages();

        assertThat(loaded.text("en", "answer.yes")).isEqualTo("yes");
        assertThat(loaded.text("en", "answer.count")).isEqualTo("5");
    }
}
