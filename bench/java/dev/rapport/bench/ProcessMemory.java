package dev.rapport.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak memory of this JVM over a phase: the resident-set high-water mark ({@code VmHWM}, reset by
 * writing 5 to {@code /proc/self/clear_refs}), the highest heap use seen by a sampler thread every
 * 10 ms (garbage included, so it mostly shows how far the collector lets the heap fill), and the
 * highest heap use right after a collection (closer to what is really live). The embedded
 * PostgreSQL is a separate process and not included. Not thread-safe: one phase at a time.
 */
final class ProcessMemory implements AutoCloseable {

    /** Peaks in MiB; {@code rssPeakMib} is NaN where /proc is not available. */
    record Peaks(double rssPeakMib, boolean rssReset, double heapPeakMib, double heapAfterGcPeakMib) {
        /** For a server in another process, whose memory this JVM does not see. */
        static final Peaks UNKNOWN = new Peaks(Double.NaN, true, Double.NaN, Double.NaN);
    }

    private static final double MIB = 1024.0 * 1024.0;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile long heapPeak;
    private volatile long heapAfterGcPeak;
    private volatile boolean running = true;
    private boolean rssReset;
    private final Thread sampler;

    ProcessMemory() {
        sampler = new Thread(this::sample, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> afterCollection(
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())),
                        notification -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                notification.getType()),
                        null);
            }
        }
    }

    private void afterCollection(GarbageCollectionNotificationInfo info) {
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeap(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        if (used > heapAfterGcPeak) {
            heapAfterGcPeak = used;
        }
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(bean -> bean.getName().equals(pool) && bean.getType() == MemoryType.HEAP);
    }

    /** Starts a new phase: forgets the peaks seen so far. */
    void reset() {
        heapPeak = memory.getHeapMemoryUsage().getUsed();
        heapAfterGcPeak = 0;
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            rssReset = true;
        } catch (IOException | UnsupportedOperationException e) {
            rssReset = false; // the peak then covers the whole process lifetime; the report says so
        }
    }

    Peaks peaks() {
        return new Peaks(vmHwmKib() / 1024.0, rssReset, heapPeak / MIB, heapAfterGcPeak / MIB);
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
