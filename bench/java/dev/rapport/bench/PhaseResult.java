package dev.rapport.bench;

import java.util.List;

/**
 * What one phase measured. {@code pipeline} and {@code notes} are Rapport's stage details (empty
 * for the baseline).
 */
record PhaseResult(String name, LoadGenerator.Result load, ProcessMemory.Peaks memory, ServerStats.Rates database,
                   CpuUsage.Spent cpu, double loadAverage, PipelineStats.Report pipeline, List<String> notes) {
}
