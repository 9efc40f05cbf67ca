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
}
