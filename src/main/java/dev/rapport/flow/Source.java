package dev.rapport.flow;

import java.nio.file.Path;

/** Where a flow element was written: the file and the 1-based line, for error messages. */
public record Source(Path file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
