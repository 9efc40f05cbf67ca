package dev.rapport.nlu;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code label<TAB>text} files: UTF-8, one example per line, split at the first tab; blank
 * lines and lines starting with "#" are comments; a byte-order mark and Windows line ends are
 * tolerated. Every other deviation stops the read with a message naming file and line, because a
 * silently skipped line is a training example nobody knows is missing.
 */
public final class LabelledTexts {

    private LabelledTexts() {}

    /**
     * The examples of {@code file}, checked against the task's labels.
     *
     * @throws NluException when the file is missing, not UTF-8, or a line has no tab, an empty text
     *     or a label the task does not know
     */
    public static List<LabelledText> read(Path file, Task task) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new NluException(file + " does not exist: expected UTF-8 lines of label<TAB>text", e);
        } catch (CharacterCodingException e) {
            throw new NluException(file + " is not valid UTF-8: save it as UTF-8", e);
        } catch (IOException e) {
            throw new NluException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> labels = task.labels();
        List<LabelledText> examples = new ArrayList<>(lines.size());
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (index == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String where = file + ":" + (index + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new NluException(
                        where + ": no tab; write label<TAB>text, e.g. \"" + labels.get(0) + "\\thello\"");
            }
            String label = line.substring(0, tab).strip();
            String text = line.substring(tab + 1).strip();
            if (!labels.contains(label)) {
                throw new NluException(
                        where + ": unknown " + task.label() + " label \"" + label + "\"; expected one of " + labels);
            }
            if (text.isEmpty()) {
                throw new NluException(where + ": the text after the tab is empty");
            }
            examples.add(new LabelledText(label, text, where));
        }
        return List.copyOf(examples);
    }
}
