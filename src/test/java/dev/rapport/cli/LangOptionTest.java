package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.domain.Language;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Without --lang, commands speak the system's language: any Chinese locale is Chinese, the rest English. */
class LangOptionTest {

    @Test
    void theSystemLocaleChoosesTheLanguage() {
        assertThat(LangOption.system(Locale.forLanguageTag("zh-CN"))).isEqualTo(Language.ZH);
        assertThat(LangOption.system(Locale.forLanguageTag("zh-TW"))).isEqualTo(Language.ZH);
        assertThat(LangOption.system(Locale.forLanguageTag("zh-Hans-SG"))).isEqualTo(Language.ZH);
        assertThat(LangOption.system(Locale.forLanguageTag("en-GB"))).isEqualTo(Language.EN);
        assertThat(LangOption.system(Locale.forLanguageTag("de-DE"))).isEqualTo(Language.EN);
        assertThat(LangOption.system(Locale.ROOT)).isEqualTo(Language.EN);
    }

    @Test
    void anExplicitLangWinsAndTheBundleHasBothLanguages() {
        var option = new LangOption();
        option.lang = "ZH";
        assertThat(option.language()).isEqualTo(Language.ZH);
        assertThat(option.labels().get("complaints.ticket")).isEqualTo("工单");
        option.lang = "en";
        assertThat(option.labels().get("complaints.count", 3, "UTC")).isEqualTo("3 complaint(s); times in UTC");
    }
}
