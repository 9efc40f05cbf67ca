package dev.rapport.channel;

import java.util.List;

/** Something Rapport sends into a chat. A closed set; each channel sender handles every case. */
public sealed interface Reply {

    /**
     * A text with optional rows of inline buttons; {@code replyTo} is the channel's id of an earlier
     * message in the chat it answers (shown as a reply where the channel can), or null.
     */
    record Text(String text, List<List<Button>> buttons, String replyTo) implements Reply {
        public Text {
            buttons = buttons == null
                    ? List.of()
                    : buttons.stream().map(List::copyOf).toList();
        }

        public Text(String text, List<List<Button>> buttons) {
            this(text, buttons, null);
        }
    }

    /** The answer to a button press, which stops the client's spinner; {@code text} may be null. */
    record ButtonAnswer(String callbackId, String text) implements Reply {}

    /**
     * A new text for a message sent earlier in the chat: {@code messageId} is the channel's id of it
     * ({@code outbox.external_id} of its row). A staff member's correction of a reply they sent.
     */
    record Edit(String messageId, String text) implements Reply {}
}
