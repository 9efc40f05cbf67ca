package dev.rapport.channel.webchat;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import java.util.LinkedHashMap;

/**
 * Delivers replies to the browsers of a web chat session. A reply is delivered when it is in the
 * message log, which the page reads when it (re)connects; open tabs also get it pushed at once,
 * with its delivery key, the same key the history shows, so the page shows each reply once.
 * Thread-safe.
 */
public final class WebchatSender implements ChannelSender {

    private final WebchatHub hub;

    WebchatSender(WebchatHub hub) {
        this.hub = hub;
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
        return send(chatKey, reply, null);
    }

    @Override
    public SendResult send(String chatKey, Reply reply, String deliveryKey) {
        var event = new LinkedHashMap<String, Object>();
        if (deliveryKey != null) {
            event.put("key", deliveryKey);
        }
        if (reply instanceof Reply.Text text) {
            event.put("text", text.text());
            event.put("buttons", text.buttons());
            hub.push(chatKey, "message", event);
        } else if (reply instanceof Reply.ButtonAnswer answer && answer.text() != null) {
            event.put("text", answer.text());
            hub.push(chatKey, "notice", event);
        }
        return new SendResult.Delivered(null);
    }
}
