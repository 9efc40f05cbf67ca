package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.domain.StaffRef;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.handoff.QueuedHandoff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of {@code config/handoff.yaml} the shipped file leaves at "always open": closed business
 * hours (the customer hears when the team is back), the no-answer reminder, a reason turned on or off,
 * and priorities. Each test starts Rapport on a copy of the settings directory with its own handoff.yaml.
 */
class HandoffHoursIT {

    @TempDir
    Path directory;

    RunningRapport start(String handoffYaml) throws IOException {
        Path config = directory.resolve("config");
        Files.createDirectories(config);
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
        Files.writeString(config.resolve("handoff.yaml"), handoffYaml);
        return RunningRapport.start(config.resolve("rapport.yaml"), Map.of());
    }

    @Test
    void outsideBusinessHoursTheCustomerHearsWhenTheTeamIsBackInTheirLanguage() throws IOException {
        // Open every day but today (UTC): the team is next in tomorrow at 09:00.
        DayOfWeek today = ZonedDateTime.now(ZoneOffset.UTC).getDayOfWeek();
        String days = String.join(
                ", ",
                Stream.of(DayOfWeek.values())
                        .filter(day -> day != today)
                        .map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT))
                        .toList());
        try (var rapport = start("""
                business_hours:
                  time_zone: UTC
                  days: [%s]
                  hours: "09:00-17:00"
                no_answer_after: 1s
                """.formatted(days))) {
            String tomorrow = today.plus(1).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            var english = new TelegramChat(rapport, 9101, "en");
            assertThat(english.say("/human", 1).get(0)).contains("away right now", "back on " + tomorrow + " 09:00");
            var chinese = new TelegramChat(rapport, 9102, "zh-hans");
            chinese.say("你好", 1);
            String zhTomorrow =
                    today.plus(1).getDisplayName(java.time.format.TextStyle.FULL, Locale.SIMPLIFIED_CHINESE);
            assertThat(chinese.press("go:human", 1).get(0)).contains("非工作时间", zhTomorrow + " 09:00");

            // While the team is away nobody is reminded, however long the customer waits.
            rapport.runJob("handoff.no_answer");
            assertThat(rapport.count("SELECT count(*) FROM handoffs WHERE flagged_at IS NOT NULL"))
                    .isZero();
        }
    }

    @Test
    void nobodyAnsweringInTimeTellsTheCustomerAgainKeepsTheirPlaceAndFlagsIt() throws IOException {
        try (var rapport = start("""
                no_answer_after: 1s
                check_every: 1h
                """)) {
            HandoffDesk desk = rapport.app().handoffs();
            var waiting = new TelegramChat(rapport, 9111, "en");
            waiting.say("/human", 1);
            var answered = new TelegramChat(rapport, 9112, "en");
            answered.say("/human", 1);
            long answeredId = rapport.count("SELECT id FROM handoffs WHERE chat_key = '9112'");
            desk.reply(answeredId, new StaffRef(1, "Alice"), "Hello, Alice here.");
            answered.expect(1, 1);

            await().atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ofMillis(1100))
                    .until(() -> {
                        rapport.runJob("handoff.no_answer");
                        return rapport.count(
                                        "SELECT count(*) FROM handoffs WHERE chat_key = '9111' AND flagged_at IS NOT NULL")
                                == 1;
                    });
            assertThat(waiting.expect(1, 1).get(0)).contains("Sorry for the wait", "keep your place", "number 1");
            rapport.runJob("handoff.no_answer"); // once only
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> waiting.texts().size() == 2);
            assertThat(rapport.count(
                            "SELECT count(*) FROM events WHERE type = 'handoff.flagged' AND chat_key = '9111'"))
                    .isEqualTo(1);

            List<QueuedHandoff> queue = desk.queue();
            assertThat(queue)
                    .filteredOn(handoff -> handoff.chatKey().equals("9111"))
                    .singleElement()
                    .satisfies(handoff -> assertThat(handoff.flagged()).isTrue());
            assertThat(queue)
                    .filteredOn(handoff -> handoff.chatKey().equals("9112"))
                    .singleElement()
                    .satisfies(handoff -> assertThat(handoff.flagged()).isFalse());
            assertThat(answered.texts()).hasSize(2);
        }
    }

    @Test
    void theSettingsDecideWhichReasonsHandOverAndHowUrgentTheyAre() throws IOException {
        try (var rapport = start("""
                reasons:
                  not_understood:   {escalate: true, priority: urgent}
                  asked_for_person: {escalate: true, priority: low}
                  step_limit:       {escalate: false}
                queue_order: [priority, tier]
                """)) {
            HandoffDesk desk = rapport.app().handoffs();
            var shop = new Shop(rapport);
            shop.customer(9121, "key", "en");
            var key = new TelegramChat(rapport, 9121, "en");
            key.say("/human", 1);
            var puzzled = new TelegramChat(rapport, 9122, "en");
            puzzled.say("qwertyuiop", 1);
            assertThat(puzzled.say("asdfghjkl", 1).get(0)).contains("in the queue");

            // Priority first here: the small customer's urgent handoff goes before the key customer's low one.
            assertThat(desk.queue()).extracting(QueuedHandoff::chatKey).containsExactly("9122", "9121");
            assertThat(desk.queue().get(0).priority()).isEqualTo("urgent");
        }
    }
}
