package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.it.RunningRapport;
import dev.rapport.it.TelegramChat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Staff's complaint commands against a running Rapport's database: list, show, resolve (the note
 * reaches the customer's Telegram chat in their language), close, and the errors a change the
 * ticket's status does not allow gives.
 */
class ComplaintsCommandIT {

    static RunningRapport rapport;

    private record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    private static Run complaints(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = new CommandLine(new ComplaintsCommand(rapport.database, ZoneId.of("Asia/Shanghai")));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void staffListShowResolveAndCloseATicketAndTheNoteReachesTheCustomer() {
        var chat = new TelegramChat(rapport, 8301, "en");
        String ticket = chat.complain("I was charged twice for one order", "billing");

        Run list = complaints("list");
        assertThat(list.exitCode()).isZero();
        // The name and number of the customer; the priority follows the tier and how the description reads.
        assertThat(list.out())
                .containsPattern(ticket + "\\s+open\\s+(low|normal)\\s+small\\s+billing.* #" + chat.customerId());
        assertThat(complaints("list", "--status", "closed").out()).doesNotContain(ticket);

        Run show = complaints("show", ticket.toLowerCase());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains(
                        "Ticket:      " + ticket,
                        "Status:      open",
                        "Description: I was charged twice for one order",
                        "Order:       (none given)",
                        "response promised within 48 h",
                        "opened open  by customer");

        Run resolve = complaints("resolve", ticket, "--note", "We refunded the second charge.", "--by", "alice");
        assertThat(resolve.exitCode()).as(resolve.err()).isZero();
        assertThat(resolve.out()).contains(ticket + " is resolved");
        String note = chat.expect(4, 1).get(0);
        assertThat(note).contains("An update on your complaint " + ticket, "We refunded the second charge.");
        assertThat(complaints("show", ticket).out())
                .contains("Status:      resolved", "open -> resolved  by staff:alice: We refunded the second charge.");

        Run again = complaints("resolve", ticket, "--note", "Again.");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .contains(
                        "Ticket " + ticket + " is resolved, so it cannot be resolved",
                        "closed (complaints close " + ticket + ")");

        Run close = complaints("close", ticket, "--by", "bob");
        assertThat(close.exitCode()).isZero();
        assertThat(close.out()).contains(ticket + " is closed.");
        assertThat(complaints("list", "--status", "closed").out()).contains(ticket);

        Run resolveClosed = complaints("resolve", ticket, "--note", "Too late.");
        assertThat(resolveClosed.exitCode()).isEqualTo(1);
        assertThat(resolveClosed.err())
                .contains("Ticket " + ticket + " is closed, so it cannot be resolved", "can only be: reopened");
        Run closeClosed = complaints("close", ticket);
        assertThat(closeClosed.exitCode()).isEqualTo(1);
        assertThat(closeClosed.err()).contains("Ticket " + ticket + " is closed, so it cannot be closed");
        assertThat(rapport.telegram.sentTexts(8301)).hasSize(5); // the note once, nothing for the refused changes
    }

    @Test
    void aStronglyNegativeComplaintIsRaisedAndFlaggedAndTheFollowUpCommentShown() {
        var chat = new TelegramChat(rapport, 8303, "en");
        String ticket =
                chat.complain("Worst shop ever!!! I have waited three weeks, you are useless scammers 😡", "delivery");
        Run list = complaints("list");
        assertThat(list.out()).containsPattern(ticket + "\\s+open\\s+normal\\s+small\\s+delivery.*ESCALATED");

        rapport.database.jdbi().useHandle(handle -> {
            long response = handle.createQuery("""
                    INSERT INTO survey_responses (survey_id, customer_id, trigger, tier, channel, chat_key, language, context)
                    VALUES ('complaint_followup', :customer, :trigger, 'small', 'telegram', '8303', 'en', '{}')
                    RETURNING id""")
                    .bind("customer", chat.customerId())
                    .bind("trigger", "complaint:" + ticket)
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("INSERT INTO survey_answers (response_id, question_id, question_type, value) "
                            + "VALUES (:response, 'comment', 'text', 'The courier was kind in the end')")
                    .bind("response", response)
                    .execute();
        });
        assertThat(complaints("show", ticket).out()).contains("Comment:     The courier was kind in the end");
    }

    @Test
    void aChineseCustomerGetsTheNoteInChineseAndAnOpenTicketCannotBeClosed() {
        var chat = new TelegramChat(rapport, 8302, "zh-hans");
        String ticket = chat.complain("快递员态度很差，还把包裹扔在门口", "service");

        Run closeOpen = complaints("close", ticket);
        assertThat(closeOpen.exitCode()).isEqualTo(1);
        assertThat(closeOpen.err())
                .contains(
                        "Ticket " + ticket + " is open, so it cannot be closed",
                        "resolved (complaints resolve " + ticket + " --note TEXT)",
                        "taken in hand (complaints progress " + ticket + ")");

        assertThat(complaints("progress", ticket, "--by", "mei").exitCode()).isZero();
        assertThat(complaints("list", "--status", "in_progress").out()).contains(ticket);
        assertThat(complaints("resolve", ticket, "--note", "我们已经和快递公司沟通，并给你补偿了 20 元。")
                        .exitCode())
                .isZero();
        assertThat(chat.expect(4, 1).get(0)).contains("关于你的投诉 " + ticket, "补偿了 20 元");
    }

    @Test
    void unknownTicketsAndStatusesAreNamed() {
        Run show = complaints("show", "C-000101-9999");
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("no complaint with ticket 'C-000101-9999'", "complaints list");
        Run resolve = complaints("resolve", "C-000101-9999", "--note", "x");
        assertThat(resolve.exitCode()).isEqualTo(1);
        assertThat(resolve.err()).contains("'C-000101-9999'");
        Run list = complaints("list", "--status", "done");
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("Unknown status 'done'", "open, in_progress, resolved, closed, reopened");
        Run noNote = complaints("resolve", "C-000101-9999");
        assertThat(noNote.exitCode()).isEqualTo(2);
        assertThat(noNote.err()).contains("--note");
    }

    @Test
    void withLangZhTheListSpeaksChineseAndItsColumnsLineUpWithAChineseName() {
        var chat = new TelegramChat(rapport, 8304, "zh-hans");
        String ticket = chat.complain("收到的杯子是碎的", "product");
        rapport.database
                .jdbi()
                .useHandle(
                        handle -> handle.execute("UPDATE customers SET name = '欧阳小明' WHERE id = ?", chat.customerId()));

        Run list = complaints("list", "--lang", "zh");
        assertThat(list.exitCode()).as(list.err()).isZero();
        java.util.List<String> lines = list.out().lines().toList();
        String header = lines.get(0);
        String row = lines.stream()
                .filter(line -> line.startsWith(ticket))
                .findFirst()
                .orElseThrow();
        assertThat(header).startsWith("工单").contains("状态", "优先级", "等级", "类别", "创建时间", "截止时间", "客户");
        assertThat(row).contains("欧阳小明 #" + chat.customerId());
        // Each column starts at the same display column in the heading and in the row.
        assertThat(dev.rapport.store.DisplayWidth.of(row.substring(0, row.indexOf(" open") + 1)))
                .isEqualTo(dev.rapport.store.DisplayWidth.of(header.substring(0, header.indexOf("状态"))));
        assertThat(dev.rapport.store.DisplayWidth.of(row.substring(0, row.indexOf("欧阳小明"))))
                .isEqualTo(dev.rapport.store.DisplayWidth.of(header.substring(0, header.indexOf("客户"))));
        assertThat(list.out()).contains("条投诉；时间为 Asia/Shanghai 时区");

        assertThat(complaints("show", ticket, "--lang", "zh").out()).contains("工单：", "描述：", "收到的杯子是碎的", "处理记录：");
        assertThat(complaints("list", "--lang", "en").out()).startsWith("TICKET");
        assertThat(complaints("list", "--lang", "fr").err()).contains("Unknown --lang 'fr': expected en or zh");
    }
}
