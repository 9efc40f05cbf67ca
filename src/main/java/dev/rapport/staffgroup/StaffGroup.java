package dev.rapport.staffgroup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.telegram.BotApiException;
import dev.rapport.channel.telegram.StaffGroupApi;
import dev.rapport.config.RapportConfig;
import dev.rapport.domain.StaffRef;
import dev.rapport.engine.HandoffPort;
import dev.rapport.flow.Messages;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.store.LiveFeed;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff answer customers from a Telegram forum supergroup, one topic per customer, as {@code App}
 * wires it: the handoff port the engine uses (topics opened and customer messages copied in the turn),
 * the outbox sender for the group, the handler for the group's updates (which travel the inbox under
 * their own channel and never reach the engine), and a live-feed subscription that shows console
 * changes (claims, hand-backs) in the topics. Thread-safe; {@link #start} and {@link #close} once each.
 */
public final class StaffGroup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StaffGroup.class);
    /** Every key the staff group writes with; checked in every language at start-up. */
    public static final Set<String> MESSAGE_KEYS = Texts.KEYS;

    private final Jdbi jdbi;
    private final String groupId;
    private final StaffGroupApi api;
    private final TopicSync topics;
    private final GroupSender sender;
    private final GroupTurns turns;
    private final CustomerTurns customerTurns;
    private final Runnable senderWake;
    private final ExecutorService syncs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "staffgroup-sync");
        thread.setDaemon(true);
        return thread;
    });
    private LiveFeed.Subscription subscription;

    public StaffGroup(
            RapportConfig.Telegram telegram,
            Jdbi jdbi,
            HandoffDesk desk,
            Messages messages,
            Resolver resolver,
            Runnable senderWake) {
        RapportConfig.StaffGroup settings = telegram.staffGroup();
        this.jdbi = jdbi;
        this.groupId = settings.groupId();
        this.api = new StaffGroupApi(telegram);
        var texts = new Texts(messages, settings.language());
        this.topics = new TopicSync(groupId, texts);
        this.sender =
                new GroupSender(jdbi, api, new GroupRate(jdbi, groupId, settings.limit(), settings.window()), texts);
        this.turns = new GroupTurns(jdbi, desk, topics, texts, resolver);
        this.customerTurns = new CustomerTurns(topics, texts);
        this.senderWake = senderWake;
    }

    /** Resolves a complaint ticket from {@code /resolve} with a note to the customer (the complaint desk); throws when it cannot. */
    @FunctionalInterface
    public interface Resolver {
        void resolve(String ticket, String note, StaffRef staff);
    }

    /** The engine's handoff port, with the customer's topic kept in the same transactions. */
    public HandoffPort port(HandoffPort handoffs) {
        return new StaffGroupPort(handoffs, topics);
    }

    /** Delivers the group's outbox rows. */
    public ChannelSender sender() {
        return sender;
    }

    /** Handles one update from the group in the inbox's transaction. */
    public void handle(Handle handle, InboundMessage message, long inboxId) {
        turns.handle(handle, message, inboxId);
    }

    /** After a customer's turn, in its transaction: edits and a blocked bot shown in the customer's topic. */
    public void afterCustomerTurn(Handle handle, InboundMessage message, long inboxId) {
        customerTurns.after(handle, message, inboxId);
    }

    /**
     * Checks the group (getChat, getChatMember) and logs exactly what is missing; while something is,
     * handoffs are worked in the console only. Then follows console changes to show them in the topics.
     */
    public void start(LiveFeed live) {
        try {
            List<String> problems = api.check(groupId);
            if (problems.isEmpty()) {
                GroupStatus.markUsable(jdbi, groupId);
                log.info("Staff group {} is ready: a forum where the bot manages topics", groupId);
            } else {
                GroupStatus.markUnusable(jdbi, groupId, String.join("; ", problems));
            }
        } catch (BotApiException e) {
            // Telegram could not be asked: keep what the last check found; posts find out for themselves.
            log.warn("Could not check staff group {} now ({}); using it as last found", groupId, e.getMessage());
        }
        subscription = live.subscribe("console", new LiveFeed.Subscriber() {
            @Override
            public void onNotice(LiveFeed.Notice notice) {
                JsonNode data = notice.data();
                String kind = data.path("kind").asText();
                if (data.has("handoff_id")
                        && (kind.equals("handoff.claimed")
                                || kind.equals("handoff.transferred")
                                || kind.equals("handoff.handed_back"))) {
                    long handoffId = data.get("handoff_id").asLong();
                    syncs.execute(() -> sync(handoffId));
                }
            }

            @Override
            public void onResync() {
                syncs.execute(StaffGroup.this::syncAll); // notices may have been lost while the feed was away
            }
        });
    }

    /** Every topic of an open handoff, and the latest handoff of every topic, brought up to date. */
    private void syncAll() {
        try {
            List<Long> handoffs = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT id FROM handoffs WHERE state <> 'closed'
                            UNION SELECT handoff_id FROM staffgroup_topics WHERE group_id = :group AND handoff_id IS NOT NULL""")
                    .bind("group", groupId)
                    .mapTo(Long.class)
                    .list());
            handoffs.forEach(this::sync);
        } catch (RuntimeException e) {
            log.warn("Could not bring the staff group's topics up to date: {}", e.toString());
        }
    }

    private void sync(long handoffId) {
        try {
            jdbi.useTransaction(handle -> topics.sync(handle, handoffId));
            senderWake.run();
        } catch (RuntimeException e) {
            log.warn("Could not show handoff {}'s change in the staff group: {}", handoffId, e.toString());
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        syncs.shutdownNow();
        api.close();
    }
}
