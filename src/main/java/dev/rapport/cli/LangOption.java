package dev.rapport.cli;

import dev.rapport.domain.Language;
import dev.rapport.store.Labels;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --lang en|zh}: the language of what a command prints for staff (headings, labels). Without it,
 * the system's language: Chinese when it is zh (zh_CN, zh_TW, zh-Hans …), else English.
 */
final class LangOption {

    @Option(
            names = "--lang",
            paramLabel = "en|zh",
            description = "Language of headings and labels: en or zh (default: the system's language, zh* is Chinese).")
    String lang;

    Language language() {
        if (lang == null) {
            return system(Locale.getDefault());
        }
        return Language.fromCode(lang.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("Unknown --lang '" + lang + "': expected en or zh"));
    }

    Labels labels() {
        return CliTexts.labels(language());
    }

    static Language system(Locale locale) {
        return locale.getLanguage().startsWith("zh") ? Language.ZH : Language.EN;
    }
}
