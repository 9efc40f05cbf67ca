package dev.rapport.bench;

import dev.rapport.customer.PhoneNumbers;
import dev.rapport.customer.importing.ImportReport;
import dev.rapport.customer.importing.Imports;
import dev.rapport.customer.importing.Progress;
import dev.rapport.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Times the CSV imports on generated files of {@code --rows} rows (default 1,000,000) each: customers,
 * then purchases, then both again (which must change nothing). Prints the peak heap the JVM used, to
 * show the file is streamed rather than loaded. Embedded PostgreSQL flushing every commit, or the
 * tests' server with {@code --durable=false}.
 */
public final class ImportBench {

    private ImportBench() {}

    public static void main(String[] args) throws IOException {
        long rows = TiersBench.option(args, "rows", 1_000_000);
        boolean durable = TiersBench.option(args, "durable", 1) != 0;
        Path dir = Files.createTempDirectory("rapport-import-bench");
        Path customers = dir.resolve("customers.csv");
        Path purchases = dir.resolve("purchases.csv");
        TiersBench.step("write " + rows + " rows to each file", () -> write(customers, purchases, rows));
        System.out.printf("files: customers %,d bytes, purchases %,d bytes%n", size(customers), size(purchases));
        try (var postgres = durable ? BenchPostgres.durable() : BenchPostgres.tests();
                var database = Database.connect(postgres.freshDatabaseUrl(), 4)) {
            database.migrate();
            var imports = new Imports(database.jdbi());
            var phones = new PhoneNumbers(86);
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            for (String run : new String[] {"first", "again"}) {
                print(run, imports.customers(customers, phones, Progress.NONE, "bench"));
                print(run, imports.purchases(purchases, zone, Progress.NONE, "bench"));
            }
        } finally {
            Files.deleteIfExists(customers);
            Files.deleteIfExists(purchases);
            Files.deleteIfExists(dir);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "peak heap used (sum of pools' peaks): %,d MB of %,d MB max%n",
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void print(String run, ImportReport report) {
        System.out.printf(
                "%s: %s — %,.0f rows/s%n",
                run, report.summary(), report.rows() * 1000.0 / Math.max(1, report.millis()));
    }

    private static void write(Path customers, Path purchases, long rows) {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (BufferedWriter c = Files.newBufferedWriter(customers, StandardCharsets.UTF_8);
                BufferedWriter p = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            c.write("external_id,name,phone,email,language,time_zone\n");
            p.write("external_id,customer_external_id,amount,purchased_at,margin,currency\n");
            for (long i = 1; i <= rows; i++) {
                c.write("C" + i + ",\"Customer " + i + "\",+86 139 " + String.format("%08d", i) + ",c" + i
                        + "@example.com," + (i % 3 == 0 ? "zh" : "en") + ",Asia/Shanghai\n");
                p.write("P" + i + ",C" + (1 + (i * 7919) % rows) + "," + (i % 500) + "." + (i % 100 < 10 ? "0" : "")
                        + (i % 100) + "," + base.minusSeconds(i * 13) + "," + (i % 50) + ",CNY\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
