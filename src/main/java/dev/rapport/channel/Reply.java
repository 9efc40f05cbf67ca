package dev.rapport.channel;

import java.util.List;

/** Something Rapport sends into a chat. A closed set; each channel sender handles every case. */
public sealed interface Reply {

    /** A text with optional rows of inline buttons. */
    record Text(String text, List<List<Button>> buttons) implements Reply {
        public Text {
            buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        }
    }

    /** The answer to a button press, which stops the client's spinner; {@code text} may be null. */
    record ButtonAnswer(String callbackId, String text) implements Reply {
    }
}
