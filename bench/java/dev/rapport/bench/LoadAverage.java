package dev.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's one-minute load average, printed beside the figures: other processes competing for
 * the CPUs move them more than anything measured here. Stateless.
 */
final class LoadAverage {

    private LoadAverage() {}

    /** NaN where {@code /proc/loadavg} is not available. */
    static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
