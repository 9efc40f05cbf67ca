package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.staff.LoginResult;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code staff add|list|disable} on a real database; the password only ever from the environment or a prompt. */
class StaffCommandIT {

    static Database database;

    @BeforeAll
    static void open() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    record Run(int exit, String out, String err) {}

    static Run run(DatabaseCommand command) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit;
        try {
            exit = command.run(database, null, new PrintWriter(out, true), new PrintWriter(err, true));
        } catch (IllegalArgumentException e) { // as call() does: said plainly, exit code 2
            err.append(e.getMessage());
            exit = 2;
        }
        return new Run(exit, out.toString(), err.toString());
    }

    static StaffCommand.Add add(String name, String role, String password) {
        var add = new StaffCommand.Add();
        add.name = name;
        add.role = role;
        add.language = "zh";
        add.environment = Map.of(StaffCommand.PASSWORD_VARIABLE, password)::get;
        return add;
    }

    @Test
    void addListDisable() {
        var added = run(add("wei", "manager", "a long enough password"));
        assertThat(added.exit()).isZero();
        assertThat(added.out()).contains("Added manager wei");
        var accounts = new StaffAccounts(database.jdbi(), Clock.systemUTC());
        assertThat(accounts.login("wei", "a long enough password".toCharArray()))
                .isInstanceOf(LoginResult.SignedIn.class);

        assertThat(run(add("WEI", "agent", "a long enough password")).exit()).isNotZero(); // names ignore case
        assertThat(run(new StaffCommand.ListAccounts()).out())
                .contains("wei")
                .contains("manager")
                .contains("zh")
                .contains("active");

        var disable = new StaffCommand.Disable();
        disable.name = "wei";
        assertThat(run(disable).out()).contains("wei is disabled");
        assertThat(accounts.login("wei", "a long enough password".toCharArray()))
                .isInstanceOf(LoginResult.Refused.class);
        assertThat(run(new StaffCommand.ListAccounts()).out()).contains("disabled");
        disable.name = "nobody";
        assertThat(run(disable).exit()).isEqualTo(1);
    }

    static <T extends DatabaseCommand> T inChinese(T command) {
        command.lang = new LangOption();
        command.lang.lang = "zh";
        return command;
    }

    @Test
    void staffCommandsSpeakChineseWithLangZh() {
        var added = run(inChinese(add("mei", "agent", "a long enough password")));
        assertThat(added.out()).contains("已添加 agent 账户 mei；请在 /console 登录。");
        var none = inChinese(add("nobody_zh", "agent", ""));
        none.environment = name -> null;
        assertThat(run(none).err()).contains("没有密码：请设置环境变量 RAPPORT_STAFF_PASSWORD");
        var disable = inChinese(new StaffCommand.Disable());
        disable.name = "mei";
        assertThat(run(disable).out()).contains("mei 的账户已停用");
        disable.name = "nobody";
        assertThat(run(disable).err()).contains("没有名为“nobody”的员工");
        var code = inChinese(new StaffCommand.TelegramCode());
        code.name = "mei";
        assertThat(run(code).out()).containsPattern("请在 \\d+ 分钟内在员工群中发送：/link [A-Z2-9]{8}");
    }

    @Test
    void aShortPasswordOrNoPasswordAddsNobody() {
        var weak = run(add("short", "agent", "tiny"));
        assertThat(weak.exit()).isEqualTo(2);
        assertThat(weak.err()).contains("at least 10");
        var none = add("none", "agent", "");
        none.environment = name -> null;
        var answer = run(none); // no terminal in a test: told how to give one
        assertThat(answer.exit()).isEqualTo(2);
        assertThat(answer.err()).contains("RAPPORT_STAFF_PASSWORD");
        assertThat(new StaffAccounts(database.jdbi(), Clock.systemUTC()).find("none"))
                .isEmpty();
        assertThat(new StaffAccounts(database.jdbi(), Clock.systemUTC()).find("short"))
                .isEmpty();
    }

    @Test
    void linkAndUnlinkATelegramAccount() {
        assertThat(run(add("lin", "agent", "a long enough password")).exit()).isZero();
        var link = new StaffCommand.LinkTelegram();
        link.name = "lin";
        link.telegramUserId = 4242;
        assertThat(run(link).out()).contains("Telegram user 4242 now acts as lin");
        var links = new dev.rapport.staffgroup.StaffLinks(database.jdbi());
        long id = new StaffAccounts(database.jdbi(), Clock.systemUTC())
                .find("lin")
                .orElseThrow()
                .id();
        assertThat(links.telegramUser(id)).contains(4242L);

        var code = new StaffCommand.TelegramCode();
        code.name = "lin";
        assertThat(run(code).out()).containsPattern("/link [A-Z2-9]{8}");

        var unlink = new StaffCommand.UnlinkTelegram();
        unlink.name = "lin";
        assertThat(run(unlink).out()).contains("no longer linked");
        assertThat(links.telegramUser(id)).isEmpty();
        link.name = "nobody";
        assertThat(run(link).exit()).isEqualTo(1);
    }
}
