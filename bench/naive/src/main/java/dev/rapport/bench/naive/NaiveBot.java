package dev.rapport.bench.naive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.telegram.telegrambots.webhook.TelegramBotsWebhookApplication;
import org.telegram.telegrambots.webhook.WebhookOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot a Java developer would write first: TelegramBots' webhook module, a HikariCP pool, and one
 * transaction per update inside the webhook request — store the update, upsert the chat's state,
 * send the reply with the TelegramBots client, log the reply — then 200. Nothing is queued, so the
 * answer waits for the database and the Bot API both.
 *
 * <p>Started by {@code bench/intake.sh} (its {@code naive} phase) in a JVM of its own:
 * {@code NaiveBot <port> <jdbc url> <pool size> <bot api port> <token> <path>}. Prints one line
 * "ready" when it takes requests; stops when its standard input closes.
 */
public final class NaiveBot {

    private static final Logger log = LoggerFactory.getLogger(NaiveBot.class);

    /** About as long as Rapport's answer to /help, so both send the same amount. */
    static final String REPLY = """
            Here's what I can do:
            /start – say hello and show the menu
            /help – show this message
            /complaint – tell us about something that went wrong
            /status – see where your complaints stand
            /feedback – tell us how we're doing (a short survey)
            /offers – see the offers you have right now
            /language – switch between English and Chinese
            /stop – stop offers and surveys you didn't ask for""";

    private final HikariDataSource pool;
    private final TelegramClient telegram;
    private final ObjectMapper json = new ObjectMapper();

    private NaiveBot(HikariDataSource pool, TelegramClient telegram) {
        this.pool = pool;
        this.telegram = telegram;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        var config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setMaximumPoolSize(Integer.parseInt(args[2]));
        config.setPoolName("naive");
        var telegram = new OkHttpTelegramClient(args[4], new TelegramUrl("http", "127.0.0.1",
                Integer.parseInt(args[3]), false));
        try (var pool = new HikariDataSource(config)) {
            var bot = new NaiveBot(pool, telegram);
            bot.createTables();
            var webhook = new TelegramBotsWebhookApplication(WebhookOptions.builder().port(port).useHttps(false)
                    .enableRequestLogging(false).build());
            webhook.registerBot(args[5], bot::consume, () -> { }, () -> { });
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the benchmark closes our standard input
            }
            webhook.close();
        }
        System.exit(0);
    }

    private void createTables() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS naive_updates (
                        id bigserial PRIMARY KEY, update_id bigint NOT NULL UNIQUE, body jsonb NOT NULL,
                        received_at timestamptz NOT NULL DEFAULT now())""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS naive_chats (
                        chat_id bigint PRIMARY KEY, state text NOT NULL, updates bigint NOT NULL,
                        last_update_id bigint NOT NULL, updated_at timestamptz NOT NULL)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS naive_messages (
                        id bigserial PRIMARY KEY, chat_id bigint NOT NULL, update_id bigint NOT NULL,
                        telegram_message_id bigint, text text NOT NULL, sent_at timestamptz NOT NULL DEFAULT now())""");
        }
    }

    /** One update, in one transaction, inside the request; a failure answers 500 so Telegram retries. */
    private org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod<?> consume(Update update) {
        Message message = update.getMessage();
        if (message == null || !message.hasText()) {
            return null;
        }
        long chatId = message.getChatId();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (store(connection, update) == 0) {
                    connection.commit();   // delivered again: already answered
                    return null;
                }
                upsertChat(connection, chatId, update.getUpdateId(), message.getText());
                Message sent = telegram.execute(SendMessage.builder().chatId(chatId).text(REPLY).build());
                logReply(connection, chatId, update.getUpdateId(), sent.getMessageId());
                connection.commit();
            } catch (SQLException | TelegramApiException | IOException | RuntimeException e) {
                connection.rollback();
                throw new IllegalStateException("update " + update.getUpdateId() + " failed", e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no database connection", e);
        }
        log.debug("Answered update {} of chat {}", update.getUpdateId(), chatId);
        return null;
    }

    private int store(Connection connection, Update update) throws SQLException, IOException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO naive_updates (update_id, body) VALUES (?, ?::jsonb) ON CONFLICT (update_id) DO NOTHING")) {
            insert.setLong(1, update.getUpdateId());
            insert.setString(2, json.writeValueAsString(update));
            return insert.executeUpdate();
        }
    }

    private static void upsertChat(Connection connection, long chatId, long updateId, String text) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO naive_chats (chat_id, state, updates, last_update_id, updated_at) VALUES (?, ?, 1, ?, now())
                ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updates = naive_chats.updates + 1,
                    last_update_id = excluded.last_update_id, updated_at = now()""")) {
            upsert.setLong(1, chatId);
            upsert.setString(2, text.startsWith("/") ? text.split(" ", 2)[0] : "chatting");
            upsert.setLong(3, updateId);
            upsert.executeUpdate();
        }
    }

    private static void logReply(Connection connection, long chatId, long updateId, Integer telegramId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO naive_messages (chat_id, update_id, telegram_message_id, text) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, chatId);
            insert.setLong(2, updateId);
            insert.setObject(3, telegramId == null ? null : telegramId.longValue());
            insert.setString(4, REPLY);
            insert.executeUpdate();
        }
    }
}
