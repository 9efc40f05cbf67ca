package dev.rapport.bench;

import dev.rapport.channel.telegram.FakeTelegramApi;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands each successful sendMessage the fake Bot API receives to the load generator running now, so
 * the phases that finish on the reply (naive bot, Rapport) share one listener on the one fake
 * server. Thread-safe.
 */
final class ReplyRouter {

    private final AtomicReference<LoadGenerator> current = new AtomicReference<>();

    ReplyRouter(FakeTelegramApi telegram) {
        telegram.onCall(call -> {
            LoadGenerator generator = current.get();
            if (generator != null && call.is("sendMessage") && call.succeeded() && call.chatId() != null) {
                generator.replied(call.chatId());
            }
        });
    }

    /** Replies from now on go to {@code generator}; null drops them. */
    void routeTo(LoadGenerator generator) {
        current.set(generator);
    }
}
