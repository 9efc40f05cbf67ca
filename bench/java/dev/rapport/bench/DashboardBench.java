package dev.rapport.bench;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.demo.DemoHistory;
import dev.rapport.domain.Language;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.store.Database;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Times every dashboard request on a generated history: {@code --customers} customers (default
 * 200,000) tiered as the pyramid says, then {@link DemoHistory} with about {@code --answers} survey
 * answers (default 1,000,000; ~2.67 scored and written answers per response, as {@link DemoHistory} makes them), {@code --complaints} complaints (100,000)
 * and {@code --messages} messages (1,000,000) over the last 365 days, on the tests' PostgreSQL
 * ({@code fsync} off: generation is not what is measured). Then Rapport starts on that database, a
 * manager signs in over HTTP, and each request is sent {@code --warmup} times unmeasured and
 * {@code --runs} times measured, one after another; prints p50, p95 and max per request.
 * {@code --database=jdbc:postgresql://…} measures again on a history an earlier run left (the tests'
 * server keeps its databases) instead of generating one.
 */
public final class DashboardBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private DashboardBench() {}

    public static void main(String[] args) throws Exception {
        long customers = TiersBench.option(args, "customers", 200_000);
        long answers = TiersBench.option(args, "answers", 1_000_000);
        long complaints = TiersBench.option(args, "complaints", 100_000);
        long messages = TiersBench.option(args, "messages", 1_000_000);
        int warmup = (int) TiersBench.option(args, "warmup", 5);
        int runs = (int) TiersBench.option(args, "runs", 30);
        String reuse = text(args, "database");
        try (var postgres = BenchPostgres.tests();
                var database = Database.connect(reuse != null ? reuse : postgres.freshDatabaseUrl(), 12)) {
            database.migrate();
            if (reuse == null) {
                generate(database, customers, answers, complaints, messages);
            } else {
                System.out.println("measuring on the history already in " + reuse);
            }
            database.jdbi()
                    .useHandle(handle -> handle.createQuery("""
                            SELECT (SELECT count(*) FROM survey_answers), (SELECT count(*) FROM survey_responses),
                                   (SELECT count(*) FROM complaints), (SELECT count(*) FROM messages)""")
                            .map((rs, ctx) -> String.format(
                                    "rows: %,d survey answers, %,d responses, %,d complaints, %,d messages",
                                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                            .forEach(System.out::println));
            boolean signedUp = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT count(*) > 0 FROM staff WHERE name = 'bench'")
                            .mapTo(Boolean.class)
                            .one());
            if (!signedUp) { // a reused history has the account from its first run
                new StaffAccounts(database.jdbi(), Clock.systemUTC())
                        .add("bench", Role.MANAGER, "bench password".toCharArray(), Language.EN);
            }
            var config = ConfigLoader.load(
                    Path.of("config/rapport.yaml"),
                    Map.of("PORT", "0", "RAPPORT_DATA_DIR", "target/bench-data")); // keeps the trained NLU between runs
            App app = App.start(config, database, false);
            app.awaitReady(java.time.Duration.ofMinutes(2));
            try {
                measure(app.port(), config.timeZone(), database, warmup, runs);
            } finally {
                app.close();
            }
        }
    }

    private static void generate(Database database, long customers, long answers, long complaints, long messages) {
        TiersBench.step(
                "generate " + customers + " customers",
                () -> database.jdbi().useHandle(handle -> handle.execute("""
                INSERT INTO customers (external_id, name, tier, language)
                SELECT 'C' || i, 'Customer ' || i,
                       CASE WHEN i % 100 = 0 THEN 'key' WHEN i % 100 < 5 THEN 'major' WHEN i % 100 < 20 THEN 'ordinary' ELSE 'small' END,
                       CASE WHEN i % 3 = 0 THEN 'zh' ELSE 'en' END
                FROM generate_series(1, ?) i""", customers)));
        TiersBench.step(
                "generate the history",
                () -> DemoHistory.generate(
                        database.jdbi(), new DemoHistory.Size(answers * 100 / 267, complaints, messages, 365)));
        database.jdbi().useHandle(handle -> handle.execute("VACUUM ANALYZE"));
    }

    /** A text option ({@code --database=jdbc:postgresql://…}), or null. */
    private static String text(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return null;
    }

    private static void measure(int port, ZoneId zone, Database database, int warmup, int runs) throws Exception {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + port;
        var login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        var matcher = CSRF.matcher(login.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no sign-in form");
        }
        String form = "_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8) + "&name=bench&password="
                + URLEncoder.encode("bench password", StandardCharsets.UTF_8);
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/console/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        long customer = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT customer_id FROM messages GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                        .mapTo(Long.class)
                        .one());
        LocalDate today = LocalDate.now(zone);
        String month = "from=" + today.minusDays(29) + "&to=" + today;
        String year = "from=" + today.minusDays(364) + "&to=" + today;
        List<String> paths = List.of(
                "/dashboard",
                "/dashboard?" + year,
                "/dashboard?" + month + "&tier=key&tier=major",
                "/dashboard?" + month + "&language=zh&channel=webchat&category=delivery",
                "/dashboard/rows/answers?" + month + "&type=nps&min=0&max=6",
                "/dashboard/rows/answers?" + month + "&type=text&sentiment=negative",
                "/dashboard/rows/tickets?" + month + "&breached=1",
                "/dashboard/rows/winback?" + year + "&reason=price",
                "/dashboard/rows/answers/csv?" + month + "&type=csat&min=1&max=2",
                "/dashboard/rows/tickets/csv?" + month,
                "/dashboard/transcripts/" + customer,
                "/dashboard/transcripts/" + customer + "/json");
        System.out.printf(
                "1-minute load average before measuring: %.1f on %d cores (other work on the machine moves every figure)%n",
                LoadAverage.oneMinute(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-80s %8s %8s %8s %10s%n", "request", "p50 ms", "p95 ms", "max ms", "bytes");
        for (String path : paths) {
            var request = HttpRequest.newBuilder(URI.create(base + path)).build();
            for (int i = 0; i < warmup; i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            var times = new ArrayList<Double>();
            long bytes = 0;
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                times.add((System.nanoTime() - started) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
                bytes = response.body().length;
            }
            double[] sorted =
                    times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    "%-80s %8.1f %8.1f %8.1f %10d%n",
                    path.length() > 80 ? path.substring(0, 77) + "..." : path,
                    percentile(sorted, 0.5),
                    percentile(sorted, 0.95),
                    sorted[sorted.length - 1],
                    bytes);
        }
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
