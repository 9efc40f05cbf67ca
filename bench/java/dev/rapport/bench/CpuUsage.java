package dev.rapport.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time spent over a window: by this JVM's threads, grouped by name (so the load generator and
 * the fake Bot API can be told apart from the server under test), and by the PostgreSQL server
 * (its postmaster, its live backends and the backends it has reaped). CPU per update holds steadier
 * than throughput on a machine shared with other work. Linux only; elsewhere the figures are NaN.
 * Not thread-safe.
 */
final class CpuUsage {

    /** CPU milliseconds over a window, per thread group and for PostgreSQL. */
    record Spent(
            double seconds,
            double jvmMillis,
            Map<String, Double> threadMillis,
            double postgresMillis,
            Map<String, Double> postgresByKind,
            double jitMillis) {}

    static final double MILLIS_PER_TICK = 10.0; // Linux reports /proc times in USER_HZ = 100 ticks/s

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long postmasterPid;
    private final long serverPid;
    private Map<Long, Long> threadsAtStart;
    private Map<String, Double> vmThreadsAtStart;
    private final Map<Long, String> names = new HashMap<>();
    private double postgresAtStart;
    private Map<String, Double> postgresKindsAtStart = Map.of();
    private long jvmAtStart;
    private long jitAtStart;
    private long startNanos;

    /** @param postmasterPid the PostgreSQL server's main process, or -1 when it is not on this machine */
    CpuUsage(long postmasterPid) {
        this(postmasterPid, -1);
    }

    private CpuUsage(long postmasterPid, long serverPid) {
        this.postmasterPid = postmasterPid;
        this.serverPid = serverPid;
    }

    /**
     * The same PostgreSQL, but the server under test is another process (the naive bot's JVM): its
     * CPU comes from /proc and stands alone under {@code jvmMillis}; no thread groups, no JIT figure.
     */
    CpuUsage ofProcess(long pid) {
        return new CpuUsage(postmasterPid, pid);
    }

    /** Milliseconds the server under test spent, without the benchmark's own threads (load, fake Bot API). */
    static double serverMillis(Spent spent) {
        return spent.jvmMillis()
                - spent.threadMillis().entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith("bench: "))
                        .mapToDouble(Map.Entry::getValue)
                        .sum();
    }

    void start() {
        startNanos = System.nanoTime();
        postgresKindsAtStart = PostgresProcesses.byKind(postmasterPid);
        if (serverPid > 0) {
            jvmAtStart = Math.round(ticks(serverPid, false) * MILLIS_PER_TICK * 1e6);
            postgresAtStart = PostgresProcesses.millis(postmasterPid);
            return;
        }
        threadsAtStart = threadTimes();
        vmThreadsAtStart = vmThreadMillis();
        postgresAtStart = PostgresProcesses.millis(postmasterPid);
        jvmAtStart = system.getProcessCpuTime();
        jitAtStart = compiler.getTotalCompilationTime();
    }

    Spent stop() {
        if (serverPid > 0) {
            double process = (ticks(serverPid, false) * MILLIS_PER_TICK * 1e6 - jvmAtStart) / 1e6;
            return new Spent(
                    (System.nanoTime() - startNanos) / 1e9,
                    process,
                    Map.of(),
                    PostgresProcesses.millis(postmasterPid) - postgresAtStart,
                    postgresSpentByKind(),
                    Double.NaN);
        }
        double jvm = (system.getProcessCpuTime() - jvmAtStart) / 1e6;
        Map<Long, Long> atEnd = threadTimes();
        double postgres = PostgresProcesses.millis(postmasterPid) - postgresAtStart;
        var groups = new TreeMap<String, Double>();
        atEnd.forEach((id, nanos) ->
                groups.merge(group(names.get(id)), (nanos - threadsAtStart.getOrDefault(id, 0L)) / 1e6, Double::sum));
        double inThreads =
                groups.values().stream().mapToDouble(Double::doubleValue).sum();
        // The JVM's own threads (compilers, garbage collector) are not Java threads: read them from /proc.
        var vm = new TreeMap<String, Double>();
        vmThreadMillis().forEach((group, millis) -> vm.put(group, millis - vmThreadsAtStart.getOrDefault(group, 0.0)));
        double inVm = vm.values().stream().mapToDouble(Double::doubleValue).sum();
        groups.putAll(vm);
        groups.put("JVM itself (other) and ended threads", jvm - inThreads - inVm);
        return new Spent(
                (System.nanoTime() - startNanos) / 1e9,
                jvm,
                groups,
                postgres,
                postgresSpentByKind(),
                compiler.getTotalCompilationTime() - jitAtStart);
    }

    private Map<Long, Long> threadTimes() {
        var times = new HashMap<Long, Long>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                times.put(info.getThreadId(), nanos);
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        return times;
    }

    /** The group of {@link #JIT_THREADS} and of the garbage collector's threads. */
    static final String JIT_THREADS = "JVM: JIT compiler threads";

    static final String GC_THREADS = "JVM: GC threads";

    /**
     * CPU milliseconds of the JVM's compiler and garbage-collector threads so far, from
     * /proc/self/task (their names: "C2 CompilerThre", "C1 CompilerThre", "GC Thread#0", "G1 Conc#0",
     * "G1 Refine#0", ...). Empty where /proc is not there.
     */
    private static Map<String, Double> vmThreadMillis() {
        var millis = new HashMap<String, Double>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String group = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                            ? JIT_THREADS
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC_THREADS : null;
                    if (group != null) {
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        millis.merge(
                                group,
                                (Double.parseDouble(fields[11]) + Double.parseDouble(fields[12])) * MILLIS_PER_TICK,
                                Double::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return millis;
    }

    /** Rapport's threads by role; everything the benchmark brings along under its own names. */
    static String group(String name) {
        if (name.startsWith("load-")) {
            return "bench: load generator";
        }
        if (name.startsWith("fake-telegram") || name.startsWith("HTTP-Dispatcher")) {
            return "bench: fake Bot API";
        }
        if (name.startsWith("inbox-worker")) {
            return "inbox workers";
        }
        if (name.startsWith("outbox") || name.startsWith("OkHttp")) {
            return "outbox sender";
        }
        if (name.startsWith("JettyServerThreadPool") || name.startsWith("qtp")) {
            return "jetty (webhook and intake)";
        }
        return "other threads";
    }

    private Map<String, Double> postgresSpentByKind() {
        var spent = new TreeMap<String, Double>();
        PostgresProcesses.byKind(postmasterPid)
                .forEach((kind, millis) -> spent.put(kind, millis - postgresKindsAtStart.getOrDefault(kind, 0.0)));
        return spent;
    }

    /** utime + stime (+ cutime + cstime: the reaped children) from /proc/pid/stat. */
    static double ticks(long pid, boolean withReapedChildren) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return 0;
        }
        // fields after the command: index 0 is state; utime, stime, cutime, cstime are 11..14
        double ticks = Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
        return withReapedChildren ? ticks + Double.parseDouble(fields[13]) + Double.parseDouble(fields[14]) : ticks;
    }

    static long parentOf(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** The fields of /proc/pid/stat after "(command)", or null when the process is gone. */
    static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
