package dev.rapport.customer.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.cli.CliTexts;
import dev.rapport.customer.PhoneNumbers;
import dev.rapport.domain.Language;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customer and purchase files: good rows in, bad rows reported by line and column, re-imports change nothing. */
class CsvImportIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private Database database;
    private Imports imports;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        imports = new Imports(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Path file(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private ImportReport customers(Path file) {
        return wordedAlike(imports.customers(file, new PhoneNumbers(86), Progress.NONE, "tester"));
    }

    private ImportReport purchases(Path file) {
        return wordedAlike(imports.purchases(file, SHANGHAI, Progress.NONE, "tester"));
    }

    /** Staff's English (the command line's texts) says each reason exactly as the API's English does. */
    private static ImportReport wordedAlike(ImportReport report) {
        report.problems().forEach(CsvImportIT::wordedAlike);
        return report;
    }

    private static void wordedAlike(Problem problem) {
        assertThat(problem.reason(CliTexts.labels(Language.EN))).isEqualTo(problem.reason());
        assertThat(problem.reason(CliTexts.labels(Language.ZH))).isNotEqualTo(problem.reason());
    }

    private static void badFileWordedAlike(Throwable badFile) {
        wordedAlike(((Imports.BadFile) badFile).problem());
    }

    private long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private String text(String sql) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void badRowsAreReportedWithLineColumnAndReasonAndGoodRowsAreImported() throws Exception {
        var report = customers(file("customers.csv", """
                external_id,name,phone,email,language,time_zone
                C1,Ada,+86 138 0013 8000,ada@example.com,en,Asia/Shanghai
                C2,Bo,not a phone,,zh,
                C3,Cy,,bad-email,,
                ,Nameless,,,,
                C4,Di,,,fr,
                C5,Ed,,,,Mars/Base
                C6,"Quoted, name",13900139000,,zh-CN,
                C7,Too,many,values,,,,
                """));

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(6);
        assertThat(report.problems())
                .extracting(Problem::line, Problem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "phone"),
                        org.assertj.core.groups.Tuple.tuple(4L, "email"),
                        org.assertj.core.groups.Tuple.tuple(5L, "external_id"),
                        org.assertj.core.groups.Tuple.tuple(6L, "language"),
                        org.assertj.core.groups.Tuple.tuple(7L, "time_zone"),
                        org.assertj.core.groups.Tuple.tuple(9L, "-"));
        assertThat(report.problems().get(0).reason()).contains("'not a phone' is not a phone number");
        assertThat(report.problems().get(5).reason())
                .contains("expected 6 values")
                .contains("found 8");
        assertThat(text("SELECT phone || ' ' || name || ' ' || language FROM customers WHERE external_id = 'C6'"))
                .isEqualTo("+8613900139000 Quoted, name zh");
        assertThat(text("SELECT phone || ' ' || time_zone FROM customers WHERE external_id = 'C1'"))
                .isEqualTo("+8613800138000 Asia/Shanghai");
    }

    @Test
    void aByteOrderMarkIsSkippedDuplicatesAreRejectedAndReimportingChangesNothing() throws Exception {
        Path file = file(
                "bom.csv",
                "\uFEFFExternal_ID,name,phone\r\n"
                        + "D1,Ann,+8613800000001\r\n"
                        + "D2,Ben,+8613800000002\r\n"
                        + "D1,Ann again,\r\n"
                        + "D3,Cat,+86 138 0000 0002\r\n");
        var first = customers(file);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "line 4, column external_id: external id 'D1' is already on line 2",
                        "line 5, column phone: phone +8613800000002 is already on line 3 (one number, one customer)");
        long events = count("SELECT count(*) FROM customers WHERE name = 'Ann'");
        assertThat(events).isEqualTo(1);

        var again = customers(file);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM customers")).isEqualTo(2);

        var changed = customers(file("changed.csv", "external_id,name,email\nD1,Ann Lee,\nD2,,ben@example.com\n"));
        assertThat(changed.updated()).isEqualTo(2);
        assertThat(text("SELECT name || ' ' || phone FROM customers WHERE external_id = 'D1'"))
                .as("an empty value keeps what is stored")
                .isEqualTo("Ann Lee +8613800000001");
    }

    @Test
    void aPhoneAnotherCustomerHasIsRejectedAndAChosenLanguageWinsOverTheFile() throws Exception {
        customers(file("a.csv", "external_id,phone,language\nA1,+8613811111111,en\n"));
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE customers SET language = 'zh', language_chosen = true WHERE external_id = 'A1'"));
        var report = customers(file("b.csv", "external_id,phone,language\nA1,,en\nA2,13811111111,en\n"));
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("phone");
            assertThat(problem.reason()).contains("belongs to customer").contains("A1");
        });
        assertThat(text("SELECT language FROM customers WHERE external_id = 'A1'"))
                .isEqualTo("zh");
    }

    @Test
    void aQuotedValueOverSeveralLinesKeepsTheLineNumbersOfLaterRowsRight() throws Exception {
        var report =
                customers(file("multi.csv", "external_id,name\nE1,\"two\nlines\"\nE2,Bob,extra\n\nE3,Cy\nE4,Di,x\n"));
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.problems())
                .as("an empty line is skipped and still counted")
                .extracting(Problem::line)
                .containsExactly(4L, 7L);
    }

    @Test
    void aWrongHeaderImportsNothingAndSaysWhatIsExpected() throws Exception {
        assertThatThrownBy(() -> customers(file("h.csv", "external_id,emial\nX1,x@example.com\n")))
                .isInstanceOf(Imports.BadFile.class)
                .hasMessageContaining("line 1: unknown column 'emial'")
                .satisfies(CsvImportIT::badFileWordedAlike);
        assertThatThrownBy(() -> purchases(file("p.csv", "external_id,amount,purchased_at\nP1,1,2025-01-01\n")))
                .hasMessageContaining("column 'customer_external_id' is missing")
                .satisfies(CsvImportIT::badFileWordedAlike);
        assertThatThrownBy(() -> customers(file("empty.csv", "")))
                .hasMessageContaining("the file is empty")
                .satisfies(CsvImportIT::badFileWordedAlike);
        assertThatThrownBy(() -> customers(file("twice.csv", "external_id,name,NAME\nX1,a,b\n")))
                .hasMessageContaining("line 1: column 'name' appears twice")
                .satisfies(CsvImportIT::badFileWordedAlike);
        assertThat(count("SELECT count(*) FROM customers")).isZero();
    }

    @Test
    void purchasesAreUpsertedOnTheirIdAndBadOnesReported() throws Exception {
        customers(file("c.csv", "external_id,name\nK1,Kim\nK2,Lee\n"));
        Path file = file("purchases.csv", """
                external_id,customer_external_id,amount,purchased_at,margin,currency
                P1,K1,129.90,2025-03-01T10:00:00+08:00,30.00,cny
                P2,K2,15,2025-03-02,,
                P3,K9,10,2025-03-02,,
                P4,K1,-5,2025-03-02,,
                P5,K1,12.345,2025-03-02,,
                P6,K1,10,yesterday,,
                P7,K1,10,2025-03-02,,CNYX
                P1,K2,1,2025-03-02,,
                """);
        var report = purchases(file);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.problems())
                .extracting(Problem::line, Problem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "customer_external_id"),
                        org.assertj.core.groups.Tuple.tuple(5L, "amount"),
                        org.assertj.core.groups.Tuple.tuple(6L, "amount"),
                        org.assertj.core.groups.Tuple.tuple(7L, "purchased_at"),
                        org.assertj.core.groups.Tuple.tuple(8L, "currency"),
                        org.assertj.core.groups.Tuple.tuple(9L, "external_id"));
        assertThat(report.problems().get(0).reason()).contains("no customer has external id 'K9'");
        assertThat(
                        text(
                                "SELECT amount || ' ' || margin || ' ' || currency || ' ' || to_char(purchased_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM purchases WHERE external_id = 'P1'"))
                .isEqualTo("129.90 30.00 CNY 2025-03-01 02:00");
        assertThat(
                        text(
                                "SELECT to_char(purchased_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') FROM purchases WHERE external_id = 'P2'"))
                .as("a date without an offset is in the business time zone")
                .isEqualTo("2025-03-02 00:00");

        var again = purchases(file);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM purchases")).isEqualTo(2);
    }

    @Test
    void everyImportIsAuditedWithWhoAndWhat() throws Exception {
        customers(file("c.csv", "external_id\nZ1\n"));
        assertThat(text("SELECT actor || ' ' || action || ' ' || (details ->> 'created') FROM audit_log"))
                .isEqualTo("tester customers.import 1");
    }
}
