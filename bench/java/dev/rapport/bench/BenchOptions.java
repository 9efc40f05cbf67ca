package dev.rapport.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings: {@code --name=value} arguments, else {@code BENCH_NAME} from the
 * environment, else the default. Rapport's own settings come from {@code --set KEY=VALUE} and
 * from environment variables named {@code RAPPORT_*} or {@code RATE_*} (arguments win). Immutable.
 */
record BenchOptions(
        int chats,
        int connections,
        Duration warmup,
        Duration duration,
        Duration drain,
        String text,
        boolean durable,
        List<String> phases,
        int latencyConnections,
        Duration latencyDuration,
        int burst,
        int burstConnections,
        int history,
        Map<String, String> rapportSettings) {

    static final String USAGE = """
            Options (argument, or environment variable, default):
              --chats=N               BENCH_CHATS               1000   chats, each with at most one update in flight
              --connections=N         BENCH_CONNECTIONS         32     keep-alive connections posting updates
              --warmup=SECONDS        BENCH_WARMUP              15     load before measuring, per phase
              --duration=SECONDS      BENCH_DURATION            20     measuring window, per phase
              --drain=SECONDS         BENCH_DRAIN               15     wait for replies in flight after the window
              --text=TEXT             BENCH_TEXT                /help  what every update says
              --durable=BOOLEAN       BENCH_DURABLE             true   true: own embedded server with fsync and
                                                                       synchronous_commit on (the tests' server has both off)
              --phases=LIST           BENCH_PHASES              baseline,naive,rapport (and burst)
              --latency-connections=N BENCH_LATENCY_CONNECTIONS 4      then time webhook answers over this many
                                                                       connections (0: skip that window)
              --latency-duration=SECONDS BENCH_LATENCY_DURATION 10     that window's length
              --burst=N               BENCH_BURST               20000  updates the burst phase posts at once
              --burst-connections=N   BENCH_BURST_CONNECTIONS   40     connections it posts them over
              --history=N             BENCH_HISTORY             0      updates already answered before Rapport starts
                                                                       (with their messages, replies and events), as
                                                                       in a database that has served for months
              --set KEY=VALUE         RAPPORT_* / RATE_*               a Rapport setting, e.g. RAPPORT_INBOX_WORKERS=4
            """;

    static BenchOptions parse(String[] args, Map<String, String> environment) {
        var given = new LinkedHashMap<String, String>();
        var rapport = new LinkedHashMap<String, String>();
        environment.forEach((name, value) -> {
            if (name.startsWith("RAPPORT_") || name.startsWith("RATE_")) {
                rapport.put(name, value);
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("");
            } else if (arg.equals("--set") && i + 1 < args.length) {
                putSetting(rapport, args[++i]);
            } else if (arg.startsWith("--set=")) {
                putSetting(rapport, arg.substring(6));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
        }
        var values = new Values(given, environment);
        var options = new BenchOptions(
                values.positive("chats", 1000),
                values.positive("connections", 32),
                Duration.ofMillis(Math.round(values.seconds("warmup", 15) * 1000)),
                Duration.ofMillis(Math.round(values.seconds("duration", 20) * 1000)),
                Duration.ofMillis(Math.round(values.seconds("drain", 15) * 1000)),
                values.text("text", "/help"),
                values.bool("durable", System.getenv("DATABASE_URL") == null),
                List.of(values.text("phases", "baseline,naive,rapport").split(",")),
                values.count("latency-connections", 4),
                Duration.ofMillis(Math.round(values.seconds("latency-duration", 10) * 1000)),
                values.positive("burst", 20_000),
                values.positive("burst-connections", 40),
                values.count("history", 0),
                Map.copyOf(rapport));
        given.keySet()
                .removeAll(List.of(
                        "chats",
                        "connections",
                        "warmup",
                        "duration",
                        "drain",
                        "text",
                        "durable",
                        "phases",
                        "latency-connections",
                        "latency-duration",
                        "burst",
                        "burst-connections",
                        "history"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + given.keySet());
        }
        if (!List.of("baseline", "naive", "rapport", "burst").containsAll(options.phases())) {
            throw new IllegalArgumentException(
                    "--phases takes baseline, naive, rapport and/or burst; got " + options.phases());
        }
        return options;
    }

    private static void putSetting(Map<String, String> settings, String pair) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(
                    "--set expects KEY=VALUE, e.g. --set RAPPORT_INBOX_WORKERS=4; got '" + pair + "'");
        }
        settings.put(pair.substring(0, equals), pair.substring(equals + 1));
    }

    /** One line per setting, for the report. */
    List<String> describe() {
        var lines = new ArrayList<String>();
        lines.add("chats %d, connections %d, warm-up %ss, window %ss, drain up to %ss, text \"%s\""
                .formatted(
                        chats,
                        connections,
                        warmup.toMillis() / 1000.0,
                        duration.toMillis() / 1000.0,
                        drain.toMillis() / 1000.0,
                        text));
        if (latencyConnections > 0) {
            lines.add("then webhook answers timed over %d connections for %ss"
                    .formatted(latencyConnections, latencyDuration.toMillis() / 1000.0));
        }
        if (phases.contains("burst")) {
            lines.add("burst: %d updates over %d connections".formatted(burst, burstConnections));
        }
        if (history > 0) {
            lines.add("history: %,d updates already answered before Rapport starts".formatted(history));
        }
        lines.add("durable commits: "
                + (durable
                        ? "yes (own embedded server, fsync and synchronous_commit on)"
                        : "as the tests' server is set")
                + ", phases: " + String.join(",", phases));
        lines.add("Rapport settings given: "
                + (rapportSettings.isEmpty()
                        ? "(none: config/rapport.yaml)"
                        : new java.util.TreeMap<>(rapportSettings)));
        return lines;
    }

    private record Values(Map<String, String> given, Map<String, String> environment) {

        String text(String name, String fallback) {
            String value = given.get(name);
            if (value == null) {
                value = environment.get(
                        "BENCH_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? fallback : value;
        }

        boolean bool(String name, boolean fallback) {
            String value = text(name, Boolean.toString(fallback)).trim().toLowerCase(java.util.Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new IllegalArgumentException("--" + name + " must be true or false; got '" + value + "'");
        }

        int count(String name, int fallback) {
            String value = text(name, Integer.toString(fallback));
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--" + name + " must be a whole number, 0 or more; got '" + value + "'");
        }

        int positive(String name, int fallback) {
            String value = text(name, Integer.toString(fallback));
            try {
                int number = Integer.parseInt(value.trim());
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--" + name + " must be a whole number above 0; got '" + value + "'");
        }

        double seconds(String name, double fallback) {
            String value = text(name, Double.toString(fallback)).replaceAll("s$", "");
            try {
                double number = Double.parseDouble(value.trim());
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    "--" + name + " must be seconds, 0 or more (e.g. 30); got '" + value + "'");
        }
    }
}
