package dev.rapport.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.FeatureParts;
import dev.rapport.config.ConfigLoader;
import dev.rapport.customer.Customers;
import dev.rapport.inbox.OutreachQueue;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real {@code conversations/} directory loads, with the flows and triggers the bot relies on. */
class ShippedFlowsTest {

    static final Path CONVERSATIONS = Path.of("conversations");

    static Conversations conversations;
    private static Database database;

    /** Loads the shipped flows against exactly the actions, message keys and survey flows {@code App} registers. */
    @BeforeAll
    static void load() {
        database = TestDatabase.fresh();
        var config = ConfigLoader.load(Path.of("config/rapport.yaml"), Map.of());
        var features = dev.rapport.Features.of(
                config, database.jdbi(), new Customers(), new OutreachQueue(), Clock.systemUTC());
        // throws, listing every problem, if anything is wrong
        conversations = FeatureParts.of(features).conversations(CONVERSATIONS);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void hasTheExpectedFlows() {
        assertThat(conversations.flows())
                .containsOnlyKeys(
                        "start",
                        "help",
                        "language",
                        "stop",
                        "complaint",
                        "feedback",
                        "offers",
                        "human",
                        "cancel",
                        "order_status",
                        "refund",
                        "praise",
                        "question",
                        "greeting",
                        "status",
                        "complaint_resolved",
                        "survey_feedback",
                        "survey_complaint_followup",
                        "survey_handoff_csat",
                        "winback",
                        "handoff_back",
                        "resume");
    }

    @Test
    void everyFlowHasItsCommand() {
        for (String command :
                List.of("start", "help", "language", "stop", "complaint", "feedback", "offers", "human", "status")) {
            assertThat(conversations.byCommand(command))
                    .as("/" + command)
                    .map(Flow::id)
                    .contains(command);
        }
        assertThat(conversations.byCommand("START")).map(Flow::id).contains("start");
    }

    @Test
    void intentsStartTheirFlows() {
        assertThat(conversations.byIntent("greeting")).map(Flow::id).contains("greeting");
        assertThat(conversations.byIntent("complaint")).map(Flow::id).contains("complaint");
        assertThat(conversations.byIntent("ask_human")).map(Flow::id).contains("human");
        for (String intent : List.of("cancel", "order_status", "refund", "praise", "question")) {
            assertThat(conversations.byIntent(intent)).as(intent).map(Flow::id).contains(intent);
        }
    }

    @Test
    void startLinksAChatByItsTokenRecordsTheOptInThenWelcomesWithTheMenu() {
        Flow start = conversations.flow("start").orElseThrow();

        assertThat(start.first()).isInstanceOfSatisfying(Step.Action.class, action -> {
            assertThat(action.name()).isEqualTo("link_chat");
            assertThat(action.next()).isEqualTo("opt_in");
        });
        Step optIn = start.step("opt_in").orElseThrow();
        assertThat(optIn)
                .isInstanceOfSatisfying(
                        Step.Action.class, action -> assertThat(action.name()).isEqualTo("opt_in"));
        Step.End welcome = (Step.End) start.after(optIn).orElseThrow();
        assertThat(welcome.text()).isEqualTo("start.welcome");
        assertThat(welcome.buttons())
                .flatMap(row -> row)
                .extracting(ButtonSpec::flow)
                .containsExactly("complaint", "feedback", "offers", "human");
    }

    @Test
    void stopRecordsTheOptOut() {
        Flow stop = conversations.flow("stop").orElseThrow();

        assertThat(stop.steps())
                .extracting(step -> step.getClass().getSimpleName())
                .containsExactly("Action", "End");
        assertThat(((Step.Action) stop.first()).name()).isEqualTo("opt_out");
    }

    @Test
    void menuButtonsStartTheMenuFlowsInBothLanguages() {
        for (String feature : List.of("human")) {
            // Asking for a person hands the chat over; the apology is only for when handoff.yaml turns that off.
            Flow flow = conversations.flow(feature).orElseThrow();
            assertThat(((Step.Action) flow.first()).name()).isEqualTo("hand_to_person");
            assertThat(flow.step("unavailable")).get().isInstanceOfSatisfying(Step.End.class, end -> {
                assertThat(end.text()).isEqualTo(feature + ".unavailable");
                assertThat(end.buttons()).hasSize(2);
            });
            for (String language : List.of("en", "zh")) {
                assertThat(conversations.messages().has(language, "menu." + feature))
                        .isTrue();
            }
        }
    }

    @Test
    void feedbackContinuesAnUnfinishedSurveyOrStartsTheGeneralOne() {
        Flow feedback = conversations.flow("feedback").orElseThrow();

        assertThat(((Step.Action) feedback.first()).name()).isEqualTo("survey_resume");
        assertThat(feedback.steps())
                .filteredOn(Step.GoTo.class::isInstance)
                .extracting(step -> ((Step.GoTo) step).flow())
                .containsExactly("survey_complaint_followup", "survey_feedback");
        for (String language : List.of("en", "zh")) {
            assertThat(conversations.messages().has(language, "menu.feedback")).isTrue();
        }
    }

    @Test
    void complaintListensThenRecordsWithATicket() {
        Flow complaint = conversations.flow("complaint").orElseThrow();

        assertThat(((Step.Action) complaint.first()).outcomes()).containsEntry("described", "heard");
        Step.Ask order = (Step.Ask) complaint.step("order").orElseThrow();
        assertThat(order.input()).isEqualTo(Step.Input.TEXT);
        assertThat(order.buttons())
                .flatMap(row -> row)
                .extracting(ButtonSpec::value)
                .containsExactly("skip");
        Step.Ask category = (Step.Ask) complaint.step("category").orElseThrow();
        assertThat(category.buttons())
                .flatMap(row -> row)
                .extracting(ButtonSpec::value)
                .containsExactly("product", "delivery", "service", "billing", "other");
        assertThat(((Step.Action) complaint.step("open").orElseThrow()).name()).isEqualTo("complaint_open");
        for (String language : List.of("en", "zh")) {
            assertThat(conversations.messages().has(language, "menu.complaint")).isTrue();
        }
    }

    @Test
    void languageFlowAsksThenApplies() {
        Flow language = conversations.flow("language").orElseThrow();

        Step.Ask choose = (Step.Ask) language.first();
        assertThat(choose.slot()).isEqualTo("language");
        assertThat(choose.input()).isEqualTo(Step.Input.BUTTONS_ONLY);
        assertThat(choose.buttons())
                .flatMap(row -> row)
                .extracting(ButtonSpec::value)
                .containsExactly("en", "zh");
        Step.Action apply = (Step.Action) language.step("apply").orElseThrow();
        assertThat(apply.name()).isEqualTo("set_language");
        assertThat(apply.params()).isEqualTo(Map.of("from_slot", "language"));
        assertThat(apply.outcomes()).isEqualTo(Map.of("unchanged", "same"));
    }

    @Test
    void engineTextsExistInBothLanguages() {
        for (String language : List.of("en", "zh")) {
            assertThat(conversations.messages().keys(language))
                    .contains(
                            "engine.fallback",
                            "engine.fallback_offer_person",
                            "engine.stale_button",
                            "engine.too_many_steps",
                            "engine.media_received",
                            "engine.media_kept",
                            "engine.customer_name_fallback",
                            "media.file");
        }
    }

    @Test
    void placeholdersAreFilledInBothLanguages() {
        Map<String, String> vars = Map.of("name", "Ann", "business", "Tea House", "kind", "photo");
        assertThat(conversations.messages().text("en", "start.welcome", vars))
                .isEqualTo("Hi Ann! I'm the assistant of Tea House. How can I help?");
        assertThat(conversations.messages().text("zh", "start.welcome", vars)).contains("Ann", "Tea House");
        for (String language : List.of("en", "zh")) {
            assertThat(conversations.messages().text(language, "engine.media_received", vars))
                    .contains("photo");
        }
    }

    @Test
    void helpListsTheCommands() {
        for (String language : List.of("en", "zh")) {
            assertThat(conversations.messages().text(language, "help.text"))
                    .contains("/start", "/help", "/language", "/stop", "/complaint", "/status");
        }
    }
}
