package dev.rapport.bench;

import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.config.ConfigLoader;
import dev.rapport.config.RapportConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook throughput of Rapport against a store-and-answer baseline and a naive bot, in one run on
 * one embedded PostgreSQL server, with one fake Bot API, under the same closed-loop load (see
 * {@link LoadGenerator}). Compare the columns of one run only: the disk moves absolute figures from run to run. Run through
 * {@code bench/intake.sh}; {@code --help} lists the options.
 */
public final class IntakeBench {

    static final String SECRET = "bench-secret_123";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private IntakeBench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        if (!"true".equals(System.getProperty("sun.net.httpserver.nodelay"))) {
            System.err.println("Run with -Dsun.net.httpserver.nodelay=true (bench/intake.sh does): without it every "
                    + "call to the fake Bot API waits ~40 ms and the figures are wrong.");
            System.exit(2);
        }
        var bursts = new ArrayList<BurstPhase.Result>();
        List<PhaseResult> results = run(options, args, bursts);
        if (!results.isEmpty()) {
            ResultTable.print(System.out, results);
        }
        bursts.forEach(burst -> burst.print(System.out));
        System.exit(0); // the embedded server's shutdown hook stops PostgreSQL
    }

    private static List<PhaseResult> run(BenchOptions options, String[] args, List<BurstPhase.Result> bursts)
            throws InterruptedException {
        printHeader(options, args);
        var headers = Map.of(SECRET_HEADER, SECRET);
        var updateIds = new AtomicLong();
        var results = new ArrayList<PhaseResult>();
        try (var postgres = options.durable() ? BenchPostgres.durable() : BenchPostgres.tests();
                var telegram = new FakeTelegramApi().start();
                var memory = new ProcessMemory()) {
            var stats = new ServerStats(postgres.adminUrl());
            stats.settings().forEach((name, value) -> System.out.printf("  postgres %s = %s%n", name, value));
            var cpu = new CpuUsage(stats.postmasterPid());
            var replies = new ReplyRouter(telegram);
            RapportConfig config = ConfigLoader.load(Path.of("config/rapport.yaml"), environment(options, telegram));
            int poolSize = poolSize(config);
            if (options.phases().contains("baseline")) {
                results.add(BaselinePhase.run(
                        options, postgres.freshDatabaseUrl(), poolSize, headers, updateIds, stats, memory, cpu));
                System.gc();
            }
            if (options.phases().contains("naive")) {
                results.add(NaivePhase.run(
                        options,
                        telegram,
                        replies,
                        postgres.freshDatabaseUrl(),
                        poolSize,
                        headers,
                        updateIds,
                        stats,
                        memory,
                        cpu));
                System.gc();
            }
            if (options.phases().contains("rapport")) {
                results.add(RapportPhase.run(
                        options,
                        config,
                        telegram,
                        replies,
                        postgres.freshDatabaseUrl(),
                        poolSize,
                        headers,
                        updateIds,
                        stats,
                        memory,
                        cpu));
                System.gc();
            }
            if (options.phases().contains("burst")) {
                bursts.add(BurstPhase.run(options, config, postgres.freshDatabaseUrl(), poolSize, headers, updateIds));
            }
        }
        return results;
    }

    /** Rapport pointed at the fake Bot API, with per-chat and global rates far above the load. */
    private static Map<String, String> environment(BenchOptions options, FakeTelegramApi telegram) {
        var environment = new HashMap<String, String>(Map.of(
                "PORT", "0",
                "TELEGRAM_BOT_TOKEN", FakeTelegramApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "TELEGRAM_API_URL", telegram.baseUrl(),
                "RATE_PER_CHAT", "1000",
                "RATE_PER_CHAT_BURST", "1000",
                "RATE_GLOBAL", "100000"));
        environment.putAll(options.rapportSettings());
        return environment;
    }

    /** As {@code App} sizes its own pool when it opens the database itself: workers + 10. */
    private static int poolSize(RapportConfig config) {
        return config.inbox().workers() + 2 + 4 + 4;
    }

    private static void printHeader(BenchOptions options, String[] args) {
        String command = System.getenv("BENCH_COMMAND");
        System.out.println("Rapport intake benchmark");
        System.out.println("  command: " + (command != null ? command : "IntakeBench " + String.join(" ", args)));
        System.out.println("  JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.printf(
                "  CPUs: %d, 1-min load average at start: %.1f (figures from a busy machine swing)%n",
                Runtime.getRuntime().availableProcessors(), LoadAverage.oneMinute());
        options.describe().forEach(line -> System.out.println("  " + line));
    }
}
