package dev.rapport.bench;

import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.tier.Tiers;
import dev.rapport.store.Database;
import java.time.Clock;

/**
 * Times the tier recomputation on a generated population: {@code --customers} customers (default
 * 1,000,000) and {@code --purchases} purchases (default 10,000,000) spread over the last 18 months,
 * skewed so that few customers buy much (customer = N × random³), generated in SQL with
 * generate_series. Runs on an embedded PostgreSQL that flushes every commit (as Rapport's own),
 * or the tests' server with {@code --durable=false}. Prints one line per step.
 */
public final class TiersBench {

    private TiersBench() {}

    public static void main(String[] args) {
        long customers = option(args, "customers", 1_000_000);
        long purchases = option(args, "purchases", 10_000_000);
        boolean durable = option(args, "durable", 1) != 0;
        try (var postgres = durable ? BenchPostgres.durable() : BenchPostgres.tests();
                var database = Database.connect(postgres.freshDatabaseUrl(), 4)) {
            database.migrate();
            step(
                    "generate " + customers + " customers",
                    () -> database.jdbi()
                            .useHandle(handle -> handle.execute(
                                    "INSERT INTO customers (external_id) SELECT 'C' || i FROM generate_series(1, ?) i",
                                    customers)));
            step(
                    "generate " + purchases + " purchases",
                    () -> database.jdbi().useHandle(handle -> {
                        handle.execute("SELECT setseed(0.42)");
                        handle.execute("""
                        INSERT INTO purchases (customer_id, amount, margin, purchased_at)
                        SELECT 1 + floor(? * power(random(), 3))::bigint, round((5 + random() * 495)::numeric, 2),
                               CASE WHEN random() < 0.5 THEN round((random() * 100)::numeric, 2) END,
                               now() - random() * interval '18 months'
                        FROM generate_series(1, ?)""", customers, purchases);
                        handle.execute("ANALYZE customers");
                        handle.execute("ANALYZE purchases");
                    }));
            var tiers = new Tiers(database.jdbi(), CustomerSettings.defaults(), Clock.systemUTC());
            for (String run : new String[] {"first (everyone small before)", "again (nothing changed)"}) {
                var done = tiers.recompute();
                System.out.printf(
                        "recompute, %s: %.1f s — %,d customers, %,d ranked, %,d changed%n",
                        run, done.millis() / 1000.0, done.customers(), done.ranked(), done.changed());
            }
            step(
                    "move 1% of purchases to other customers",
                    () -> database.jdbi()
                            .useHandle(handle -> handle.execute(
                                    "UPDATE purchases SET customer_id = 1 + (customer_id * 7919) % ? WHERE id % 100 = 0",
                                    customers)));
            var done = tiers.recompute();
            System.out.printf(
                    "recompute, after the change: %.1f s — %,d changed%n", done.millis() / 1000.0, done.changed());
            long started = System.nanoTime();
            var summary = tiers.summary();
            System.out.printf("summary: %.1f s%n", (System.nanoTime() - started) / 1e9);
            summary.forEach(count -> System.out.printf(
                    "  %-9s %,10d  %s .. %s%n",
                    count.tier(), count.customers(), count.lowestValue(), count.highestValue()));
        }
    }

    static void step(String what, Runnable work) {
        long started = System.nanoTime();
        work.run();
        System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }

    static long option(String[] args, String name, long fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                String value = arg.substring(name.length() + 3);
                return value.equals("true") ? 1 : value.equals("false") ? 0 : Long.parseLong(value.replace("_", ""));
            }
        }
        return fallback;
    }
}
