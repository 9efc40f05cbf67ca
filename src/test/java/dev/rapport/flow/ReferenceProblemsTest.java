package dev.rapport.flow;

import static dev.rapport.flow.ConversationsDir.assertReported;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flows checked against other flows, the actions, the message files and Telegram's limits. */
class ReferenceProblemsTest {

    @TempDir
    Path root;

    ConversationsDir dir;

    @BeforeEach
    void setUp() {
        dir = new ConversationsDir(root);
    }

    @Test
    void gotoAndButtonNamingUnknownFlowsAreReported() {
        dir.flow("jump", """
                id: jump
                steps:
                  - id: offer
                    say: hello
                    buttons: [[{text: one, flow: complain}]]
                  - id: away
                    goto: feedbak
                """).flow("complaint", "id: complaint\nsteps:\n  - id: bye\n    end: bye\n");

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/jump.yaml", 5, "jump", "offer"),
                "button names unknown flow 'complain' (did you mean 'complaint'?)");
        assertReported(problems, dir.at("flows/jump.yaml", 7, "jump", "away"), "goto names unknown flow 'feedbak'");
    }

    @Test
    void anInternalFlowHasNoTriggersAndNoButtonStartsIt() {
        dir.flow("note", """
                id: note
                internal: true
                triggers:
                  commands: [note]
                steps:
                  - id: bye
                    end: bye
                """).flow("home", """
                id: home
                steps:
                  - id: offer
                    say: hello
                    buttons: [[{text: one, flow: note}]]
                  - id: away
                    goto: note
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/note.yaml", 2, "note", null),
                "an internal flow is started only by Rapport (an outreach or a goto); remove its commands and intents");
        assertReported(
                problems,
                dir.at("flows/home.yaml", 5, "home", "offer"),
                "button starts flow 'note', which is internal");
        assertThat(problems).hasSize(2);
    }

    @Test
    void menuNeedsTheFlowsItsButtonsStart() throws java.io.IOException {
        dir.write("menu.yaml", java.nio.file.Files.readString(java.nio.file.Path.of("conversations/menu.yaml")))
                .flow("home", "id: home\nsteps:\n  - id: bye\n    end: bye\n    buttons: menu\n");

        List<FlowProblem> problems = dir.problems();

        // reported once, where the menu is written, however many flows show it
        assertReported(problems, dir.at("menu.yaml", 5, null, null), "menu button names unknown flow 'complaint'");
        assertReported(problems, dir.at("menu.yaml", 6, null, null), "menu button names unknown flow 'human'");
        assertThat(problems).hasSize(4);
    }

    @Test
    void menuWithoutTheMenuFileIsReportedWhereItIsWritten() {
        dir.flow("home", "id: home\nsteps:\n  - id: bye\n    end: bye\n    buttons: menu\n");

        assertReported(
                dir.problems(),
                dir.at("flows/home.yaml", 5, "home", "bye"),
                "buttons: menu needs the main menu in conversations/menu.yaml");
    }

    @Test
    void unknownActionIsReportedWithTheKnownOnes() {
        dir.flow("act", "id: act\nsteps:\n  - id: save\n    action: record_anwser\n");

        assertReported(
                dir.problems(),
                dir.at("flows/act.yaml", 4, "act", "save"),
                "unknown action 'record_anwser' (did you mean 'record_answer'?); known actions: opt_in, record_answer");
    }

    @Test
    void messageKeyMissingInOneLanguageSaysWhich() {
        dir.write("messages/en.yaml", ConversationsDir.EN + "only_en: \"English only\"\n")
                .flow("texts", """
                        id: texts
                        steps:
                          - id: first
                            say: only_en
                          - id: second
                            ask: nowhere
                            slot: answer
                            invalid: again
                          - id: third
                            end: bye
                            buttons: [[{text: menu.missing, flow: texts}]]
                        """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/texts.yaml", 4, "texts", "first"),
                "message key 'only_en' is missing in zh (" + dir.file("messages/zh.yaml") + ")");
        assertReported(
                problems,
                dir.at("flows/texts.yaml", 6, "texts", "second"),
                "message key 'nowhere' is missing in en and zh");
        assertReported(
                problems,
                dir.at("flows/texts.yaml", 11, "texts", "third"),
                "message key 'menu.missing' is missing in en and zh");
        assertReported(
                problems, dir.at("messages/en.yaml", 12, null, null), "key 'only_en' is in en but missing in zh");
    }

    @Test
    void messageKeyMissingInEnglishSaysSo() {
        dir.write("messages/zh.yaml", ConversationsDir.ZH + "only_zh: \"只有中文\"\n")
                .flow("texts", "id: texts\nsteps:\n  - id: first\n    end: only_zh\n");

        assertReported(
                dir.problems(),
                dir.at("flows/texts.yaml", 4, "texts", "first"),
                "message key 'only_zh' is missing in en (" + dir.file("messages/en.yaml") + ")");
    }

    @Test
    void branchOnMustBeASlotOrABuiltInValue() {
        dir.flow("route", """
                id: route
                steps:
                  - id: pick
                    ask: pick
                    slot: choice
                    input: text
                  - id: by_choice
                    branch: {on: choise, cases: {a: done}, otherwise: by_mood}
                  - id: by_mood
                    branch:
                      on: sentiment
                      cases: {negative: done}
                      otherwise: by_tier
                  - id: by_tier
                    branch:
                      on: tier
                      cases: {vip: done, key: done}
                      otherwise: done
                  - id: done
                    end: bye
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/route.yaml", 8, "route", "by_choice"),
                "branch on unknown value 'choise' (did you mean 'choice'?); it can be a slot an ask step of this flow fills (choice)");
        assertReported(
                problems,
                dir.at("flows/route.yaml", 17, "route", "by_tier"),
                "case 'vip' is not a tier; tier is one of key, major, ordinary, small");
        assertThat(problems).as("sentiment and a slot are fine").hasSize(2);
    }

    @Test
    void callbackDataLongerThanTelegramAllowsIsReported() {
        String longValue = "x".repeat(60);
        dir.flow("long", """
                id: long
                steps:
                  - id: pick
                    ask: pick
                    slot: choice
                    buttons:
                      - [{text: one, value: short}, {text: two, value: %s}]
                      - [{text: one, value: 看看这个按钮的数据有多长呀一二三四五六七八}]
                """.formatted(longValue));

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/long.yaml", 7, "long", "pick"),
                "button data 'a:long.pick:" + longValue + "' is 72 bytes; Telegram allows at most 64");
        assertReported(problems, dir.at("flows/long.yaml", 8, "long", "pick"), "is 75 bytes");
        assertThat(problems).hasSize(2);
    }

    @Test
    void commandOrIntentStartingTwoFlowsNamesBoth() {
        dir.flow(
                        "a_first",
                        "id: first\ntriggers:\n  commands: [go]\n  intents: [greeting]\nsteps:\n  - id: bye\n    end: bye\n")
                .flow(
                        "b_second",
                        "id: second\ntriggers:\n  commands: [start, go]\n  intents: [greeting]\nsteps:\n  - id: bye\n    end: bye\n");

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/b_second.yaml", 3, "second", null),
                "command /go already starts flow 'first' (" + dir.file("flows/a_first.yaml") + ":3)");
        assertReported(
                problems,
                dir.at("flows/b_second.yaml", 4, "second", null),
                "intent 'greeting' already starts flow 'first' (" + dir.file("flows/a_first.yaml") + ":4)");
        assertThat(problems).hasSize(2);
    }

    @Test
    void everyProblemIsCollectedNotJustTheFirst() {
        dir.flow("many", """
                id: many
                steps:
                  - id: one
                    say: nope
                    next: two_
                  - id: two
                    action: unknown
                """);

        assertThat(dir.problems()).map(FlowProblem::line).containsExactly(4, 5, 7);
    }
}
