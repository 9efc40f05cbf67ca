package dev.rapport.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Prints the phases side by side, the two ratios with their targets, and Rapport's stage details. */
final class ResultTable {

    private ResultTable() {
    }

    static void print(PrintStream out, List<PhaseResult> phases) {
        out.println();
        out.printf("%-34s", "");
        phases.forEach(phase -> out.printf("%14s", phase.name()));
        out.println();
        row(out, phases, "throughput, updates done/s", phase -> "%.0f".formatted(phase.load().throughput()));
        row(out, phases, "webhook answer p50, ms", phase -> "%.2f".formatted(phase.load().answer().p50Millis()));
        row(out, phases, "webhook answer p99, ms", phase -> "%.2f".formatted(phase.load().answer().p99Millis()));
        row(out, phases, "end to end p50, ms", phase -> "%.2f".formatted(phase.load().endToEnd().p50Millis()));
        row(out, phases, "end to end p99, ms", phase -> "%.2f".formatted(phase.load().endToEnd().p99Millis()));
        row(out, phases, "end to end max, ms", phase -> "%.2f".formatted(phase.load().endToEnd().maxMillis()));
        row(out, phases, "posted in window", phase -> "%,d".formatted(phase.load().posted()));
        row(out, phases, "errors / unfinished / stray", phase -> "%d/%d/%d".formatted(phase.load().errors(),
                phase.load().missing(), phase.load().strayReplies()));
        row(out, phases, "peak RSS of this JVM, MiB", phase -> "%.0f%s".formatted(phase.memory().rssPeakMib(),
                phase.memory().rssReset() ? "" : "*"));
        row(out, phases, "peak heap used, MiB", phase -> "%.0f".formatted(phase.memory().heapPeakMib()));
        row(out, phases, "peak heap after a GC, MiB", phase -> "%.0f".formatted(phase.memory().heapAfterGcPeakMib()));
        row(out, phases, "commits/s (its database)", phase -> "%.0f".formatted(phase.database().commits()));
        row(out, phases, "write transactions/s", phase -> "%.0f".formatted(phase.database().writeTransactions()));
        row(out, phases, "WAL fsyncs/s (server)", phase -> "%.0f".formatted(phase.database().walSyncs()));
        row(out, phases, "WAL MiB/s (server)", phase -> "%.2f".formatted(phase.database().walMibPerSecond()));
        row(out, phases, "CPU ms per update: this JVM", phase -> "%.2f".formatted(
                phase.cpu().jvmMillis() / phase.load().completed()));
        row(out, phases, "CPU ms per update: PostgreSQL", phase -> "%.2f".formatted(
                phase.cpu().postgresMillis() / phase.load().completed()));
        row(out, phases, "CPUs busy (JVM + PostgreSQL)", phase -> "%.2f".formatted(
                (phase.cpu().jvmMillis() + phase.cpu().postgresMillis()) / 1000 / phase.cpu().seconds()));
        row(out, phases, "JIT compiling in window, ms/s", phase -> "%.0f".formatted(
                phase.cpu().jitMillis() / phase.cpu().seconds()));
        row(out, phases, "1-min load average at window end", phase -> "%.1f".formatted(phase.loadAverage()));
        if (phases.stream().anyMatch(phase -> !phase.memory().rssReset())) {
            out.println("  * RSS peak since the JVM started (could not reset it through /proc/self/clear_refs)");
        }
        ratios(out, phases);
        for (PhaseResult phase : phases) {
            out.println();
            out.println(phase.name() + ":");
            phase.notes().forEach(note -> out.println("  " + note));
            out.print("  CPU ms per update by thread group:");
            phase.cpu().threadMillis().forEach((group, millis) -> out.printf(" %s %.2f;", group,
                    millis / phase.load().completed()));
            out.println();
            if (phase.pipeline() != null) {
                var pipeline = phase.pipeline();
                out.println("  intake commits:          " + pipeline.intake());
                out.println("  inbox worker batches:    " + pipeline.worker());
                out.println("  outbox outcome writes:   " + pipeline.senderWrites());
                out.println("  stored -> worker claim:  " + pipeline.storedToClaimed());
                out.println("  worker claim -> sent:    " + pipeline.claimedToDelivered());
                out.printf("  outbox rows per update:  %.2f%n", pipeline.outboxRowsPerUpdate());
            }
        }
    }

    private static void ratios(PrintStream out, List<PhaseResult> phases) {
        PhaseResult baseline = find(phases, "baseline");
        PhaseResult rapport = find(phases, "rapport");
        if (baseline == null || rapport == null) {
            return;
        }
        double throughput = rapport.load().throughput() / baseline.load().throughput();
        double p99 = rapport.load().answer().p99Millis() / baseline.load().answer().p99Millis();
        out.println();
        out.printf("rapport end-to-end throughput / baseline throughput = %.2f   (target >= 1.0: %s)%n", throughput,
                throughput >= 1.0 ? "met" : "MISSED");
        out.printf("rapport webhook p99 / baseline p99                  = %.2f   (target <= 1.0: %s)%n", p99,
                p99 <= 1.0 ? "met" : "MISSED");
    }

    private static PhaseResult find(List<PhaseResult> phases, String name) {
        return phases.stream().filter(phase -> phase.name().equals(name)).findFirst().orElse(null);
    }

    private static void row(PrintStream out, List<PhaseResult> phases, String label,
                            Function<PhaseResult, String> value) {
        out.printf("%-34s", label);
        phases.forEach(phase -> out.printf("%14s", value.apply(phase)));
        out.println();
    }
}
