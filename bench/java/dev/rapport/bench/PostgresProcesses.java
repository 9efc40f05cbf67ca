package dev.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of a PostgreSQL server on this machine, from /proc: its postmaster, its live
 * processes (all of them, or by kind) and the processes it has reaped. Linux only; elsewhere NaN or
 * empty. Stateless.
 */
final class PostgresProcesses {

    private PostgresProcesses() {}

    /** CPU milliseconds so far of the server and every process it started, live or reaped. */
    static double millis(long postmasterPid) {
        if (postmasterPid <= 0) {
            return Double.NaN;
        }
        double ticks = CpuUsage.ticks(postmasterPid, true);
        try (var children = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) children::iterator) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)
                        && CpuUsage.parentOf(Long.parseLong(name)) == postmasterPid) {
                    ticks += CpuUsage.ticks(Long.parseLong(name), false);
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks * CpuUsage.MILLIS_PER_TICK;
    }

    /**
     * PostgreSQL's CPU milliseconds so far by kind of process, told apart by the title each sets
     * (/proc/pid/cmdline: "postgres: walwriter", "postgres: autovacuum worker", or user, database and
     * client for a connection's backend). Processes that ended (autovacuum workers, mostly) are counted
     * in the postmaster's reaped children and cannot be told apart.
     */
    static Map<String, Double> byKind(long postmasterPid) {
        var millis = new TreeMap<String, Double>();
        if (postmasterPid <= 0) {
            return millis;
        }
        String[] own = CpuUsage.statFields(postmasterPid);
        if (own != null) {
            millis.put(
                    "ended processes",
                    (Double.parseDouble(own[13]) + Double.parseDouble(own[14])) * CpuUsage.MILLIS_PER_TICK);
            millis.put(
                    "postmaster",
                    (Double.parseDouble(own[11]) + Double.parseDouble(own[12])) * CpuUsage.MILLIS_PER_TICK);
        }
        try (var children = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) children::iterator) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)
                        && CpuUsage.parentOf(Long.parseLong(name)) == postmasterPid) {
                    millis.merge(
                            kind(entry),
                            CpuUsage.ticks(Long.parseLong(name), false) * CpuUsage.MILLIS_PER_TICK,
                            Double::sum);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return millis;
    }

    private static String kind(Path process) {
        String title;
        try {
            title = Files.readString(process.resolve("cmdline"))
                    .replace('\0', ' ')
                    .trim();
        } catch (IOException | RuntimeException e) {
            return "other";
        }
        for (String kind : new String[] {
            "autovacuum",
            "walwriter",
            "checkpointer",
            "background writer",
            "logical replication",
            "logger",
            "walsummarizer"
        }) {
            if (title.contains(kind)) {
                return kind;
            }
        }
        return title.startsWith("postgres: ") && title.split(" ").length >= 4 ? "backends" : "other";
    }
}
