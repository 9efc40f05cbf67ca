package dev.rapport.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A small {@code conversations/} directory written by a test: message files with a few keys in
 * both languages (replaceable), and the flow files the test adds.
 */
final class ConversationsDir {

    static final Set<String> ACTIONS = Set.of("opt_in", "record_answer");

    static final String EN = """
            hello: "Hello"
            pick: "Pick one"
            one: "One"
            two: "Two"
            again: "Please use the buttons."
            bye: "Bye"
            menu:
              complaint: "Complain"
              feedback: "Feedback"
              offers: "Offers"
              human: "Person"
            """;

    static final String ZH = """
            hello: "你好"
            pick: "选一个"
            one: "一"
            two: "二"
            again: "请点按钮。"
            bye: "再见"
            menu:
              complaint: "投诉"
              feedback: "提意见"
              offers: "优惠"
              human: "转人工"
            """;

    private final Path root;

    ConversationsDir(Path root) {
        this.root = root;
        write("messages/en.yaml", EN);
        write("messages/zh.yaml", ZH);
    }

    ConversationsDir flow(String name, String yaml) {
        return write("flows/" + name + ".yaml", yaml);
    }

    /** The shipped main menu and the four flows its buttons start, each a single end step. */
    ConversationsDir menuFlows() {
        try {
            write(MainMenu.FILE, Files.readString(Path.of("conversations", MainMenu.FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String id : List.of("complaint", "feedback", "offers", "human")) {
            flow(id, "id: " + id + "\nsteps:\n  - id: only\n    end: bye\n");
        }
        return this;
    }

    ConversationsDir write(String relative, String content) {
        try {
            Path file = file(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    Conversations load() {
        return FlowLoader.load(root, ACTIONS);
    }

    /** The problems of a load that must fail. */
    List<FlowProblem> problems() {
        FlowValidationException failure = catchThrowableOfType(FlowValidationException.class, this::load);
        assertThat(failure).as("loading should fail").isNotNull();
        return failure.problems();
    }

    /** How a problem in {@code relative} at {@code line} of flow and step starts when printed. */
    String at(String relative, int line, String flow, String step) {
        return new FlowProblem(file(relative), line, flow, step, "").toString();
    }

    /** Asserts one problem starts with {@code prefix} (from {@link #at}) and mentions {@code messagePart}. */
    static void assertReported(List<FlowProblem> problems, String prefix, String messagePart) {
        assertThat(problems)
                .map(FlowProblem::toString)
                .anySatisfy(problem -> assertThat(problem).startsWith(prefix).contains(messagePart));
    }
}
