package dev.rapport.channel.webchat;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import java.util.Map;

/**
 * Delivers replies to the browsers of a web chat session. A reply is delivered when it is in the
 * message log, which the page reads when it (re)connects; open tabs also get it pushed at once.
 * Thread-safe.
 */
public final class WebchatSender implements ChannelSender {

    private final WebchatHub hub;

    WebchatSender(WebchatHub hub) {
        this.hub = hub;
    }

    @Override
    public String channel() {
        return WebchatRoutes.CHANNEL;
    }

    @Override
    public SendResult send(String chatKey, Reply reply) {
        if (reply instanceof Reply.Text text) {
            hub.push(chatKey, "message", Map.of("text", text.text(), "buttons", text.buttons()));
        } else if (reply instanceof Reply.ButtonAnswer answer && answer.text() != null) {
            hub.push(chatKey, "notice", Map.of("text", answer.text()));
        }
        return new SendResult.Delivered(null);
    }
}
