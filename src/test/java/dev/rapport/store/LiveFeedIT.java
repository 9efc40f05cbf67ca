package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The listening side of LiveEvents on a real PostgreSQL: topics, prefixes, commits only, reconnects. */
class LiveFeedIT {

    @Test
    void committedNoticesReachTheSubscribersOfTheirTopicAndAReconnectAsksThemToReRead() {
        try (var database = TestDatabase.fresh();
                var feed = new LiveFeed(database::openDedicatedConnection, new SimpleMeterRegistry()).start()) {
            List<String> chat = new CopyOnWriteArrayList<>();
            List<String> console = new CopyOnWriteArrayList<>();
            var resyncs = new AtomicInteger();
            feed.subscribe("webchat:a", new LiveFeed.Subscriber() {
                @Override
                public void onNotice(LiveFeed.Notice notice) {
                    chat.add(notice.data().path("key").asText());
                }

                @Override
                public void onResync() {
                    resyncs.incrementAndGet();
                }
            });
            var consoleSubscription = feed.subscribePrefix("console", notice -> console.add(notice.topic()));
            await().atMost(Duration.ofSeconds(10)).until(feed::listening);

            database.jdbi().useTransaction(handle -> {
                LiveEvents.publish(handle, "webchat:a", Map.of("key", "k1"));
                LiveEvents.publish(handle, "webchat:b", Map.of("key", "other chat"));
                LiveEvents.publish(handle, "console:queue", Map.of("handoff", 7));
            });
            try {
                database.jdbi().useTransaction(handle -> {
                    LiveEvents.publish(handle, "webchat:a", Map.of("key", "rolled back"));
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // the notice goes with the transaction
            }
            database.jdbi().useTransaction(handle -> LiveEvents.publish(handle, "webchat:a", Map.of("key", "k2")));
            await().atMost(Duration.ofSeconds(10)).until(() -> chat.size() == 2);
            assertThat(chat).containsExactly("k1", "k2");
            assertThat(console).containsExactly("console:queue");

            // The database drops the listener's connection: the feed reconnects and asks for a re-read.
            database.jdbi()
                    .useHandle(handle ->
                            handle.createQuery("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE application_name = 'rapport-live' AND datname = current_database()""").mapTo(Boolean.class).list());
            await().atMost(Duration.ofSeconds(15)).until(() -> resyncs.get() == 1 && feed.listening());
            consoleSubscription.close();
            database.jdbi().useTransaction(handle -> {
                LiveEvents.publish(handle, "webchat:a", Map.of("key", "k3"));
                LiveEvents.publish(handle, "console:queue", Map.of("handoff", 8));
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> chat.size() == 3);
            assertThat(chat).containsExactly("k1", "k2", "k3");
            assertThat(console).containsExactly("console:queue");
        }
    }
}
