package dev.rapport.winback;

import java.util.List;

/** Why a customer left, as the buttons of the win-back dialogue name it. */
enum WinbackReason {
    PRICE,
    QUALITY,
    SERVICE,
    DELIVERY,
    ALTERNATIVE,
    NO_NEED,
    OTHER;

    String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> values(boolean withOther) {
        return java.util.Arrays.stream(values())
                .filter(reason -> withOther || reason != OTHER)
                .map(WinbackReason::value)
                .toList();
    }

    static boolean known(String value) {
        return values(true).contains(value);
    }
}
