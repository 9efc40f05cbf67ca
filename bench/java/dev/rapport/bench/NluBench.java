package dev.rapport.bench;

import dev.rapport.nlu.LabelledText;
import dev.rapport.nlu.LabelledTexts;
import dev.rapport.nlu.LanguagePrior;
import dev.rapport.nlu.Nlu;
import dev.rapport.nlu.Task;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures the NLU: training time, cached start-up in a fresh JVM (target under 2 s), and
 * single-thread throughput of {@link Nlu#understand} on short customer messages in both
 * languages (target at least 20,000 messages per second per core). Run with {@code bench/nlu.sh}.
 *
 * <p>Arguments: [nluDir [heldOutDir]], defaults conversations/nlu and src/test/resources/nlu/heldout.
 * The messages are every text of the training and held-out files, English and Chinese interleaved.
 */
public final class NluBench {

    private static final int STARTUP_RUNS = 3;
    private static final double WARM_UP_SECONDS = 3;
    private static final int MEASURED_ROUNDS = 5;
    private static final double ROUND_SECONDS = 2;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--startup")) {
            startUp(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        Path nluDir = Path.of(args.length > 0 ? args[0] : "conversations/nlu");
        Path heldOutDir = Path.of(args.length > 1 ? args[1] : "src/test/resources/nlu/heldout");
        Path cacheDir = Files.createTempDirectory("nlu-bench");
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, load average %.1f, %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        Nlu nlu = Nlu.train(nluDir, cacheDir);
        int examples = nlu.loadReport().examples().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        System.out.printf(
                Locale.ROOT,
                "training: %.2f s for 4 models from %d examples %s (language detector load included)%n",
                nlu.loadReport().duration().toMillis() / 1000.0,
                examples,
                nlu.loadReport().examples());

        List<Double> startUps = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int run = 0; run < STARTUP_RUNS; run++) {
            double[] timing = startUpInFreshJvm(nluDir, cacheDir);
            startUps.add(timing[0]);
            cpu.add(timing[1]);
        }
        System.out.printf(
                Locale.ROOT,
                "cached start-up (Nlu.load in a fresh JVM): %s s, median %.2f s (target < 2 s); "
                        + "CPU time of the whole JVM until loaded: %s s%n",
                startUps.stream()
                        .map(s -> String.format(Locale.ROOT, "%.2f", s))
                        .collect(Collectors.joining(", ")),
                startUps.stream().sorted().toList().get(STARTUP_RUNS / 2),
                cpu.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).collect(Collectors.joining(", ")));

        List<String> english = texts(nluDir.resolve("en"), heldOutDir, "en");
        List<String> chinese = texts(nluDir.resolve("zh"), heldOutDir, "zh");
        System.out.printf(
                Locale.ROOT,
                "messages: %d English, %d Chinese, mean %.1f characters%n",
                english.size(),
                chinese.size(),
                Stream.concat(english.stream(), chinese.stream())
                        .mapToInt(String::length)
                        .average()
                        .orElse(0));
        throughput("both languages", nlu, interleave(english, chinese));
        throughput("English only", nlu, english);
        throughput("Chinese only", nlu, chinese);
    }

    /** Child JVM: load the cached models once and print how long it took. */
    private static void startUp(Path nluDir, Path cacheDir) {
        long start = System.nanoTime();
        Nlu nlu = Nlu.load(nluDir, cacheDir);
        long loadNanos = System.nanoTime() - start;
        if (nlu.loadReport().trained()) {
            throw new IllegalStateException("the cache in " + cacheDir + " was not used");
        }
        System.out.println("LOAD_SECONDS " + loadNanos / 1e9);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            System.out.println("PROCESS_CPU_SECONDS " + os.getProcessCpuTime() / 1e9);
        }
    }

    /** Seconds of Nlu.load, and CPU seconds the child JVM used until then. */
    private static double[] startUpInFreshJvm(Path nluDir, Path cacheDir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        classPath(),
                        NluBench.class.getName(),
                        "--startup",
                        nluDir.toString(),
                        cacheDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("start-up run failed: " + output);
        }
        return new double[] {value(output, "LOAD_SECONDS "), value(output, "PROCESS_CPU_SECONDS ")};
    }

    private static double value(String output, String prefix) {
        return output.lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "in: " + output));
    }

    /** The class path of this JVM; under exec:java that is the project's class loader's. */
    private static String classPath() {
        if (NluBench.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("odd class path entry " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /**
     * Prints messages per second of wall-clock time and per second of this thread's CPU time; on a
     * machine shared with other work the second is the fairer "per core" figure.
     */
    private static void throughput(String name, Nlu nlu, List<String> messages) {
        long[] sink = {0};
        run(nlu, messages, WARM_UP_SECONDS, sink);
        double[] wallRates = new double[MEASURED_ROUNDS];
        double[] cpuRates = new double[MEASURED_ROUNDS];
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            double[] rates = run(nlu, messages, ROUND_SECONDS, sink);
            wallRates[round] = rates[0];
            cpuRates[round] = rates[1];
        }
        Arrays.sort(wallRates);
        Arrays.sort(cpuRates);
        System.out.printf(
                Locale.ROOT,
                "throughput, %s, one thread: median %,.0f messages/s of wall time (rounds %,.0f to %,.0f), "
                        + "%,.0f messages per CPU second (%.1f µs each); target >= 20,000 [%d]%n",
                name,
                wallRates[MEASURED_ROUNDS / 2],
                wallRates[0],
                wallRates[MEASURED_ROUNDS - 1],
                cpuRates[MEASURED_ROUNDS / 2],
                1e6 / cpuRates[MEASURED_ROUNDS / 2],
                sink[0] & 1);
    }

    /** Messages understood per wall-clock second and per CPU second over about {@code seconds}. */
    private static double[] run(Nlu nlu, List<String> messages, double seconds, long[] sink) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        int index = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 256; i++) {
                sink[0] += nlu.understand(messages.get(index), LanguagePrior.none())
                        .intent()
                        .ordinal();
                index = index + 1 == messages.size() ? 0 : index + 1;
            }
            count += 256;
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new double[] {count / wallSeconds, count / cpuSeconds};
    }

    private static List<String> texts(Path trainingDir, Path heldOutDir, String language) {
        List<String> texts = new ArrayList<>();
        for (Task task : Task.values()) {
            for (Path file : List.of(
                    trainingDir.resolve(task.fileName()), heldOutDir.resolve(language + "-" + task.fileName()))) {
                if (Files.isRegularFile(file)) {
                    LabelledTexts.read(file, task).stream()
                            .map(LabelledText::text)
                            .forEach(texts::add);
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no " + language + " messages under " + trainingDir + " or " + heldOutDir);
        }
        return texts;
    }

    private static List<String> interleave(List<String> first, List<String> second) {
        List<String> mixed = new ArrayList<>(first.size() + second.size());
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                mixed.add(first.get(i));
            }
            if (i < second.size()) {
                mixed.add(second.get(i));
            }
        }
        return mixed;
    }
}
