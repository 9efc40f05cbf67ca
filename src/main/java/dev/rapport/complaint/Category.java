package dev.rapport.complaint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a complaint is about, as the customer chose it with a button. */
enum Category {
    PRODUCT,
    DELIVERY,
    SERVICE,
    BILLING,
    OTHER;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Category> of(String code) {
        return Arrays.stream(values())
                .filter(category -> category.code().equals(code))
                .findFirst();
    }
}
