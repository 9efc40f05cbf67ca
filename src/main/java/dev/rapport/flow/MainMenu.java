package dev.rapport.flow;

import java.util.List;

/**
 * The standard main-menu keyboard that {@code buttons: menu} stands for in a flow file: complaint
 * and feedback on the first row, offers and a person on the second. Each button starts its flow.
 */
public final class MainMenu {

    /** The word that, written instead of button rows, means this keyboard. */
    static final String WORD = "menu";

    private MainMenu() {
    }

    /** The menu rows, attributed to {@code source} (where {@code buttons: menu} was written). */
    public static List<List<ButtonSpec>> rows(Source source) {
        return List.of(
                List.of(button("menu.complaint", "complaint", source), button("menu.feedback", "feedback", source)),
                List.of(button("menu.offers", "offers", source), button("menu.human", "human", source)));
    }

    private static ButtonSpec button(String textKey, String flowId, Source source) {
        return new ButtonSpec(textKey, null, flowId, source);
    }
}
