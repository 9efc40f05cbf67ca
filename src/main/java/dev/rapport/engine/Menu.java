package dev.rapport.engine;

import dev.rapport.flow.ButtonSpec;
import java.util.List;

/** The main menu the engine shows after a message it did not understand. */
final class Menu {

    private Menu() {
    }

    static List<List<ButtonSpec>> rows() {
        return List.of(
                List.of(button("menu.complaint", "complaint"), button("menu.feedback", "feedback")),
                List.of(button("menu.offers", "offers"), button("menu.human", "human")));
    }

    private static ButtonSpec button(String text, String flow) {
        return new ButtonSpec(text, null, flow, null);
    }
}
