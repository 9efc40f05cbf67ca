package dev.rapport.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The few-examples-per-label seed under src/test/resources/nlu/tiny, for tests that train. */
final class TinyData {

    static final Path DIR = Path.of("src/test/resources/nlu/tiny");

    private TinyData() {}

    /** A writable copy of the seed in {@code target}, laid out like conversations/nlu. */
    static Path copyTo(Path target) {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(DIR.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
