package dev.rapport.channel;

/**
 * Delivers replies on one channel. Implementations must be thread-safe: the outbox calls
 * {@link #send} from several threads, never for the same chat at the same time. A sender never
 * throws for delivery problems; it describes them as a {@link SendResult}.
 */
public interface ChannelSender {

    /** The channel this sender serves, as stored in {@code outbox.channel}. */
    String channel();

    SendResult send(String chatKey, Reply reply);

    /**
     * Sends with the outbox row's dedup key, stable across retries, for channels that can show it to
     * the client so a reply that arrives twice (say, live and in a reloaded history) is shown once.
     * Channels without such a use ignore it.
     */
    default SendResult send(String chatKey, Reply reply, String deliveryKey) {
        return send(chatKey, reply);
    }

    /**
     * Whether the outbox's rate limits (per chat and overall) apply to this channel. True for a
     * messaging service with limits of its own, like Telegram; false for one Rapport serves itself.
     */
    default boolean rateLimited() {
        return true;
    }

    /**
     * The longest one {@link #send} call can take, timeouts included. The outbox starts a call only
     * while its row's lease has at least this long left, so a row is never sent by two processes.
     */
    default java.time.Duration longestCall() {
        return java.time.Duration.ofSeconds(10);
    }
}
