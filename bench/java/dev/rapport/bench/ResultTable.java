package dev.rapport.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Prints the phases side by side, the ratios with their targets, and Rapport's stage details. */
final class ResultTable {

    private ResultTable() {}

    static void print(PrintStream out, List<PhaseResult> phases) {
        out.println();
        out.printf("%-34s", "");
        phases.forEach(phase -> out.printf("%14s", phase.name()));
        out.println();
        row(
                out,
                phases,
                "throughput, updates done/s",
                phase -> "%.0f".formatted(phase.load().throughput()));
        row(
                out,
                phases,
                "webhook answer p50, ms",
                phase -> "%.2f".formatted(phase.load().answer().p50Millis()));
        row(
                out,
                phases,
                "webhook answer p99, ms",
                phase -> "%.2f".formatted(phase.load().answer().p99Millis()));
        row(
                out,
                phases,
                "end to end p50, ms",
                phase -> "%.2f".formatted(phase.load().endToEnd().p50Millis()));
        row(
                out,
                phases,
                "end to end p99, ms",
                phase -> "%.2f".formatted(phase.load().endToEnd().p99Millis()));
        row(
                out,
                phases,
                "end to end max, ms",
                phase -> "%.2f".formatted(phase.load().endToEnd().maxMillis()));
        row(
                out,
                phases,
                "posted in window",
                phase -> "%,d".formatted(phase.load().posted()));
        row(
                out,
                phases,
                "errors / unfinished / stray",
                phase -> "%d/%d/%d"
                        .formatted(
                                phase.load().errors(),
                                phase.load().missing(),
                                phase.load().strayReplies()));
        row(
                out,
                phases,
                "peak RSS of this JVM, MiB",
                phase -> "%.0f%s"
                        .formatted(phase.memory().rssPeakMib(), phase.memory().rssReset() ? "" : "*"));
        row(
                out,
                phases,
                "peak heap used, MiB",
                phase -> "%.0f".formatted(phase.memory().heapPeakMib()));
        row(
                out,
                phases,
                "peak heap after a GC, MiB",
                phase -> "%.0f".formatted(phase.memory().heapAfterGcPeakMib()));
        row(
                out,
                phases,
                "commits/s (its database)",
                phase -> "%.0f".formatted(phase.database().commits()));
        row(
                out,
                phases,
                "write transactions/s",
                phase -> "%.0f".formatted(phase.database().writeTransactions()));
        row(
                out,
                phases,
                "WAL fsyncs/s (server)",
                phase -> "%.0f".formatted(phase.database().walSyncs()));
        row(
                out,
                phases,
                "WAL MiB/s (server)",
                phase -> "%.2f".formatted(phase.database().walMibPerSecond()));
        row(
                out,
                phases,
                "CPU ms per update: this JVM",
                phase -> "%.2f".formatted(phase.cpu().jvmMillis() / phase.load().completed()));
        row(
                out,
                phases,
                "  of it the server (no bench)",
                phase -> "%.2f"
                        .formatted(CpuUsage.serverMillis(phase.cpu())
                                / phase.load().completed()));
        row(
                out,
                phases,
                "CPU ms per update: PostgreSQL",
                phase -> "%.2f"
                        .formatted(phase.cpu().postgresMillis() / phase.load().completed()));
        row(out, phases, "CPU ms per update: server + PG", phase -> "%.2f".formatted(cpuPerUpdate(phase)));
        row(
                out,
                phases,
                "  of it JIT compiling (warm-up left)",
                phase -> "%.2f"
                        .formatted(phase.cpu().threadMillis().getOrDefault(CpuUsage.JIT_THREADS, Double.NaN)
                                / phase.load().completed()));
        row(
                out,
                phases,
                "CPUs busy (JVM + PostgreSQL)",
                phase -> "%.2f"
                        .formatted((phase.cpu().jvmMillis() + phase.cpu().postgresMillis())
                                / 1000
                                / phase.cpu().seconds()));
        row(
                out,
                phases,
                "JIT compiling in window, ms/s",
                phase -> "%.0f".formatted(phase.cpu().jitMillis() / phase.cpu().seconds()));
        row(out, phases, "1-min load average at window end", phase -> "%.1f".formatted(phase.loadAverage()));
        if (phases.stream().anyMatch(phase -> phase.latency() != null)) {
            out.println("then, fewer connections:");
            row(out, phases, "  webhook answer p50, ms", phase -> latency(phase, Latencies.Summary::p50Millis));
            row(out, phases, "  webhook answer p99, ms", phase -> latency(phase, Latencies.Summary::p99Millis));
            row(
                    out,
                    phases,
                    "  answers timed / errors",
                    phase -> phase.latency() == null
                            ? "-"
                            : "%,d/%d"
                                    .formatted(
                                            phase.latency().posted(),
                                            phase.latency().errors()));
        }
        if (phases.stream().anyMatch(phase -> !phase.memory().rssReset())) {
            out.println("  * RSS peak since the JVM started (could not reset it through /proc/self/clear_refs)");
        }
        ratios(out, phases);
        for (PhaseResult phase : phases) {
            out.println();
            out.println(phase.name() + ":");
            phase.notes().forEach(note -> out.println("  " + note));
            out.print("  CPU ms per update by thread group:");
            phase.cpu()
                    .threadMillis()
                    .forEach((group, millis) ->
                            out.printf(" %s %.2f;", group, millis / phase.load().completed()));
            out.println();
            out.print("  PostgreSQL CPU ms per update by process:");
            phase.cpu()
                    .postgresByKind()
                    .forEach((kind, millis) ->
                            out.printf(" %s %.3f;", kind, millis / phase.load().completed()));
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

    /** The server's CPU per update done, without the benchmark's own threads, plus PostgreSQL's. */
    static double cpuPerUpdate(PhaseResult phase) {
        return (CpuUsage.serverMillis(phase.cpu()) + phase.cpu().postgresMillis())
                / phase.load().completed();
    }

    private static String latency(PhaseResult phase, java.util.function.ToDoubleFunction<Latencies.Summary> value) {
        return phase.latency() == null
                ? "-"
                : "%.2f".formatted(value.applyAsDouble(phase.latency().answer()));
    }

    /** The targets, as ratios within this run. */
    private static void ratios(PrintStream out, List<PhaseResult> phases) {
        PhaseResult baseline = find(phases, "baseline");
        PhaseResult naive = find(phases, "naive");
        PhaseResult rapport = find(phases, "rapport");
        if (rapport == null) {
            return;
        }
        out.println();
        if (naive != null) {
            double throughput = rapport.load().throughput() / naive.load().throughput();
            out.printf(
                    "rapport end-to-end updates/s / naive bot's        = %.2f   (target >= 2.0: %s)%n",
                    throughput, throughput >= 2.0 ? "met" : "MISSED");
        }
        if (baseline != null) {
            boolean light = rapport.latency() != null && baseline.latency() != null;
            double p99 = light
                    ? rapport.latency().answer().p99Millis()
                            / baseline.latency().answer().p99Millis()
                    : rapport.load().answer().p99Millis()
                            / baseline.load().answer().p99Millis();
            out.printf(
                    "rapport webhook p99 / one-INSERT endpoint's p99   = %.2f   (target <= 2.0: %s; %s)%n",
                    p99, p99 <= 2.0 ? "met" : "MISSED", light ? "over the fewer connections" : "under the full load");
        }
        double cpu = cpuPerUpdate(rapport);
        out.printf(
                "rapport CPU ms per update (server + PostgreSQL)   = %.2f   (target <= 0.6: %s)%n",
                cpu, cpu <= 0.6 ? "met" : "MISSED");
        if (naive != null) {
            out.printf("  (naive bot: %.2f ms per update)%n", cpuPerUpdate(naive));
        }
    }

    private static PhaseResult find(List<PhaseResult> phases, String name) {
        return phases.stream()
                .filter(phase -> phase.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static void row(
            PrintStream out, List<PhaseResult> phases, String label, Function<PhaseResult, String> value) {
        out.printf("%-34s", label);
        phases.forEach(phase -> out.printf("%14s", value.apply(phase)));
        out.println();
    }
}
