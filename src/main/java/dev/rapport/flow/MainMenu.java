package dev.rapport.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The main menu from {@code conversations/menu.yaml}: rows of buttons that each start a flow. It is
 * what {@code buttons: menu} stands for in a flow or survey, and what the bot offers with its
 * "I did not understand" answer. A conversations directory without the file has no menu: then
 * {@code buttons: menu} is a problem and the fallback answer comes without buttons.
 */
public final class MainMenu {

    /** The word that, written instead of button rows, means this keyboard. */
    static final String WORD = "menu";
    /** The file, relative to the conversations directory. */
    static final String FILE = "menu.yaml";

    private MainMenu() {}

    /**
     * Reads the menu's rows, reporting what is wrong at its lines: the file must be a map with
     * {@code buttons}, rows of {@code {text: key, flow: flow_id}} buttons. Empty when the file is
     * absent or unreadable.
     */
    static List<List<ButtonSpec>> read(Path conversationsDir, Problems problems) {
        Path file = conversationsDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        Problems.Where where = problems.in(file);
        return YamlNodes.readMap(file, where)
                .map(map -> {
                    Fields fields = new Fields(map, where);
                    fields.reportUnknownKeys(List.of("buttons"), "the menu");
                    List<List<ButtonSpec>> rows = ButtonParser.parse(fields, file, List.of());
                    rows.stream()
                            .flatMap(List::stream)
                            .filter(button -> !button.startsFlow())
                            .forEach(button -> where.add(
                                    button.source().line(),
                                    "a menu button starts a flow: give it 'flow', not 'value'"));
                    if (rows.isEmpty()) {
                        where.add(
                                fields.line(),
                                "the menu needs buttons: rows like [{text: menu.complaint, flow: complaint}]");
                    }
                    return rows;
                })
                .orElse(List.of());
    }

    /**
     * The menu's rows, for a feature that builds flows (surveys); empty without a menu. Problems in
     * the menu file are not reported here: {@link FlowLoader} reports them when it loads the flows.
     */
    public static List<List<ButtonSpec>> read(Path conversationsDir) {
        return read(conversationsDir, new Problems());
    }

    /** {@code rows} re-attributed to where {@code buttons: menu} was written, so problems point there. */
    public static List<List<ButtonSpec>> at(List<List<ButtonSpec>> rows, Source source) {
        return rows.stream()
                .map(row -> row.stream()
                        .map(b -> new ButtonSpec(b.text(), b.value(), b.flow(), source))
                        .toList())
                .toList();
    }
}
