package dev.rapport.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.domain.Language;
import dev.rapport.web.page.Markup;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void argumentsAreEscapedUnlessTheyAreMarkup() {
        Markup inner = Markup.of("<b>{}</b>", "<i>&\"'</i>");
        assertThat(Markup.of("<p title=\"{}\">{}</p>", "\"><script>", inner).html())
                .isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;\"><b>&lt;i&gt;&amp;&quot;&#39;&lt;/i&gt;</b></p>");
    }

    @Test
    void placeholdersAndArgumentsMustMatch() {
        assertThatThrownBy(() -> Markup.of("{} {}", "one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Markup.of("{}", "one", "two")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Markup.of("<p>{}</p>", (Object) null).html()).isEqualTo("<p></p>");
    }

    @Test
    void everyConsoleTextExistsInEnglishAndChinese() {
        var texts = new Texts(); // throws naming the keys when the languages differ
        assertThat(texts.all(Language.ZH).keySet())
                .isEqualTo(texts.all(Language.EN).keySet());
        assertThat(texts.get(Language.ZH, "login.locked", "10:00")).contains("10:00");
    }
}
