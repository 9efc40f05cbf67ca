package dev.rapport.customer.importing;

import dev.rapport.customer.AuditLog;
import dev.rapport.customer.PhoneNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports of the shop's customer and purchase files. Each file is imported in one transaction,
 * audited with who ran it and what it did. Stateless; thread-safe (two imports of the same kind at
 * once are serialised by an advisory lock, so their upserts cannot interleave).
 */
public final class Imports {

    private final Jdbi jdbi;

    public Imports(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The header is wrong: nothing was imported. The message names the file, line 1 and what is
     * expected, in English; {@link #file} and {@link #problem} let a command say it in staff's words.
     */
    public static final class BadFile extends RuntimeException {
        private final Path file;
        private final Problem problem;

        BadFile(Path file, Problem problem) {
            super(file + ": line 1: " + problem.reason());
            this.file = file;
            this.problem = problem;
        }

        public Path file() {
            return file;
        }

        public Problem problem() {
            return problem;
        }
    }

    public ImportReport customers(Path file, PhoneNumbers phones, Progress progress, String actor) {
        return run(
                file,
                "customers.import",
                input -> jdbi.inTransaction(handle -> {
                    handle.execute("SELECT pg_advisory_xact_lock(hashtext('rapport.customers.import'))");
                    var report = CustomerImport.run(handle, input, phones, progress);
                    audit(handle, actor, "customers.import", file, report);
                    return report;
                }));
    }

    public ImportReport purchases(Path file, ZoneId businessZone, Progress progress, String actor) {
        return run(
                file,
                "purchases.import",
                input -> jdbi.inTransaction(handle -> {
                    handle.execute("SELECT pg_advisory_xact_lock(hashtext('rapport.purchases.import'))");
                    var report = PurchaseImport.run(handle, input, businessZone, progress);
                    audit(handle, actor, "purchases.import", file, report);
                    return report;
                }));
    }

    private interface Work {
        ImportReport run(InputStream input);
    }

    private static ImportReport run(Path file, String what, Work work) {
        try (InputStream input = Files.newInputStream(file)) {
            return work.run(new java.io.BufferedInputStream(input, 1 << 16));
        } catch (CsvRows.HeaderException e) {
            throw new BadFile(file, e.problem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " for " + what, e);
        }
    }

    private static void audit(
            org.jdbi.v3.core.Handle handle, String actor, String action, Path file, ImportReport report) {
        AuditLog.record(
                handle,
                actor,
                action,
                null,
                Map.of(
                        "file",
                        file.toAbsolutePath().toString(),
                        "rows",
                        report.rows(),
                        "created",
                        report.created(),
                        "updated",
                        report.updated(),
                        "rejected",
                        report.rejected()));
    }
}
