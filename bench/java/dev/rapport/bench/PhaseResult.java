package dev.rapport.bench;

import java.util.List;

/**
 * What one phase measured. {@code pipeline} is Rapport's stage details (null for the others);
 * {@code latency} the second, lighter window that times webhook answers (null when it did not run).
 */
record PhaseResult(
        String name,
        LoadGenerator.Result load,
        ProcessMemory.Peaks memory,
        ServerStats.Rates database,
        CpuUsage.Spent cpu,
        double loadAverage,
        PipelineStats.Report pipeline,
        List<String> notes,
        LoadGenerator.Result latency) {}
