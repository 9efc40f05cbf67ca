package dev.rapport.channel.webchat;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import dev.rapport.store.LiveEvents;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Delivers web chat replies. A reply is delivered once it is in the chat's history — the turn that
 * wrote its outbox row committed it there — and the browser reads that history whenever it
 * (re)connects. To show it live, the sender publishes a notice with the reply's delivery key on
 * {@code webchat:<chat key>}; every instance's {@link WebchatHub} receives it through PostgreSQL and
 * pushes the reply to the tabs it holds, so a browser connected to any instance sees it.
 * Thread-safe.
 */
public final class WebchatSender implements ChannelSender {

    static final String TOPIC_PREFIX = "webchat:";

    private final Jdbi jdbi;

    WebchatSender(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The web chat is Rapport's own: nothing to protect from bursts. */
    @Override
    public boolean rateLimited() {
        return false;
    }

    @Override
    public String channel() {
        return WebchatRoutes.CHANNEL;
    }

    @Override
    public SendResult send(String chatKey, Reply reply) {
        return new SendResult.Delivered(null); // no key to push by: the page shows it from the history
    }

    @Override
    public SendResult send(String chatKey, Reply reply, String deliveryKey) {
        if (deliveryKey == null) {
            return send(chatKey, reply);
        }
        try {
            jdbi.useHandle(handle -> LiveEvents.publish(handle, TOPIC_PREFIX + chatKey, Map.of("key", deliveryKey)));
        } catch (JdbiException e) {
            return new SendResult.TransientFailure("could not notify the web chat streams: " + e.getMessage());
        }
        return new SendResult.Delivered(null);
    }
}
