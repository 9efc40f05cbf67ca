package dev.rapport.customer.importing;

import dev.rapport.domain.Placeholders;
import java.util.Arrays;
import java.util.List;

/**
 * A value that cannot be taken, with its column and why; becomes a {@link Problem} or a 400. The
 * message is the English; {@code key} and {@code values} give staff's words (see {@link Problem}).
 */
final class BadValue extends RuntimeException {

    final String column;
    final String key;
    final List<String> values;

    /** @param english the reason with a {@code {}} for each of {@code values} */
    BadValue(String column, String key, String english, Object... values) {
        this(column, key, english, Arrays.stream(values).map(String::valueOf).toList());
    }

    private BadValue(String column, String key, String english, List<String> values) {
        super(Placeholders.fill(english, values.toArray()), null, false, false);
        this.column = column;
        this.key = key;
        this.values = values;
    }

    Problem at(long line) {
        return new Problem(line, column, getMessage(), key, values);
    }
}
