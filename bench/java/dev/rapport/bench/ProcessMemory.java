package dev.rapport.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this JVM over a phase: the resident-set high-water mark ({@code VmHWM}, reset by
 * writing 5 to {@code /proc/self/clear_refs}) and the highest heap use seen by a sampler thread
 * every 10 ms. The embedded PostgreSQL is a separate process and not included. Not thread-safe:
 * one phase at a time.
 */
final class ProcessMemory implements AutoCloseable {

    /** Peaks in MiB; {@code rssPeakMib} is NaN where /proc is not available. */
    record Peaks(double rssPeakMib, boolean rssReset, double heapPeakMib) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile long heapPeak;
    private volatile boolean running = true;
    private boolean rssReset;
    private final Thread sampler;

    ProcessMemory() {
        sampler = new Thread(this::sample, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts a new phase: forgets the peaks seen so far. */
    void reset() {
        heapPeak = memory.getHeapMemoryUsage().getUsed();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            rssReset = true;
        } catch (IOException | UnsupportedOperationException e) {
            rssReset = false;   // the peak then covers the whole process lifetime; the report says so
        }
    }

    Peaks peaks() {
        return new Peaks(vmHwmKib() / 1024.0, rssReset, heapPeak / (1024.0 * 1024.0));
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > heapPeak) {
                heapPeak = used;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double vmHwmKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
