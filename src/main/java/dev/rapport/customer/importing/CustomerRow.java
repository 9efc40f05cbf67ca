package dev.rapport.customer.importing;

import dev.rapport.customer.PhoneNumbers;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** One customer as the shop's file has them, validated; absent optional values are null. */
record CustomerRow(String externalId, String name, String phone, String email, String language, String timeZone) {

    static final List<String> REQUIRED = List.of("external_id");
    static final List<String> OPTIONAL = List.of("name", "phone", "email", "language", "time_zone");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static CustomerRow parse(Function<String, String> field, PhoneNumbers phones) {
        var values = new Values(field);
        String externalId = values.required("external_id", 200);
        String name = values.optional("name", 200);
        String written = values.optional("phone", 40);
        String phone = null;
        if (written != null) {
            phone = phones.normalise(written)
                    .orElseThrow(() -> new BadValue(
                            "phone",
                            "not_phone",
                            "'{}' is not a phone number; expected digits with an optional + and country code, "
                                    + "such as +86 138 0013 8000",
                            written));
        }
        String email = values.optional("email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new BadValue("email", "not_email", "'{}' is not an email address", email);
        }
        String language = values.optional("language", 20);
        if (language != null) {
            String lower = language.toLowerCase(Locale.ROOT);
            if (lower.startsWith("zh")) {
                language = "zh";
            } else if (lower.startsWith("en")) {
                language = "en";
            } else {
                throw new BadValue(
                        "language",
                        "not_language",
                        "'{}' is not a language Rapport speaks; expected en or zh",
                        language);
            }
        }
        String zone = values.optional("time_zone", 60);
        if (zone != null) {
            try {
                zone = ZoneId.of(zone).getId();
            } catch (DateTimeException e) {
                throw new BadValue(
                        "time_zone",
                        "not_time_zone",
                        "'{}' is not a time zone; expected an IANA name such as Asia/Shanghai",
                        zone);
            }
        }
        return new CustomerRow(externalId, name, phone, email, language, zone);
    }
}
