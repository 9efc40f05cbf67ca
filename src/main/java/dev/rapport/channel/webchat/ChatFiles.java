package dev.rapport.channel.webchat;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The web chat's files in {@code chat_files}: the bytes a customer sent, kept in PostgreSQL (Telegram
 * keeps its own files; the web chat has no such store). A message, the {@code message.media} event and
 * a complaint's attachments refer to a file as {@link #reference} {@code webchat:<id>}; staff open it in
 * the console. Erasing the customer clears the bytes. Thread-safe.
 */
final class ChatFiles {

    static final String PREFIX = "webchat:";

    private final Jdbi jdbi;

    ChatFiles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The customer of the chat, once its first message made one. */
    Optional<Long> customerOf(String chatKey) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT customer_id FROM channel_accounts WHERE channel = :channel AND chat_key = :chatKey""")
                .bind("channel", WebchatRoutes.CHANNEL)
                .bind("chatKey", chatKey)
                .mapTo(Long.class)
                .findOne());
    }

    /** Keeps the file; returns its id. */
    long store(String chatKey, long customerId, FileKinds.Sniffed sniffed, String fileName, byte[] bytes) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO chat_files (channel, chat_key, customer_id, kind, content_type, file_name, size_bytes,
                                                bytes)
                        VALUES (:channel, :chatKey, :customerId, :kind, :contentType, :fileName, :size, :bytes)
                        RETURNING id""")
                .bind("channel", WebchatRoutes.CHANNEL)
                .bind("chatKey", chatKey)
                .bind("customerId", customerId)
                .bind("kind", sniffed.kind())
                .bind("contentType", sniffed.contentType())
                .bind("fileName", fileName)
                .bind("size", bytes.length)
                .bind("bytes", bytes)
                .mapTo(Long.class)
                .one());
    }

    /** Removes a file whose message could not be stored (it would belong to nothing). */
    void forget(long id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM chat_files WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    static String reference(long id) {
        return PREFIX + id;
    }
}
