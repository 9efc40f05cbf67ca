package dev.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package table of ARCHITECTURE.md as an allow-list, checked on the compiled main code: each
 * package may use only what its row names, plus {@code config}, {@code store} and {@code domain},
 * which every package may use. Change the table and this test together.
 */
class ArchitectureTest {

    static JavaClasses classes;

    /** Every package may use these (besides itself). */
    private static final List<String> SHARED = List.of("config", "store", "domain");

    /** The table: package → the packages it may use besides {@link #SHARED}. "*" means every package. */
    private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        // The composition root: the package dev.rapport itself, App and the files its wiring is split into
        // (Features, Channels, Turns, FeatureParts, Startup, ...).
        MAY_USE.put("App", List.of("*"));
        MAY_USE.put("cli", List.of("*"));
        MAY_USE.put("web", List.of("*")); // the one route table: every package's routes
        // Server-sent event streams and token buckets, used by the web chat and the console; a row of its own
        // (web itself is only dev.rapport.web) so that those may use it without reaching the route table.
        MAY_USE.put("web.live", List.of());
        // Server-rendered pages' common ground: Markup (HTML escaped by construction) and TextBundle (a page
        // package's words in every language), used by the console and the dashboard; a leaf like web.live.
        MAY_USE.put("web.page", List.of());
        MAY_USE.put("config", List.of());
        MAY_USE.put("store", List.of());
        MAY_USE.put("domain", List.of());
        MAY_USE.put("channel", List.of());
        MAY_USE.put("channel.telegram", List.of("channel", "inbox"));
        // engine: ChatHistory, the read side of the message log, restores a reopened tab's conversation.
        MAY_USE.put("channel.webchat", List.of("channel", "inbox", "outbox", "engine", "web.live"));
        MAY_USE.put("inbox", List.of("engine", "channel"));
        MAY_USE.put("engine", List.of("flow", "nlu", "outbox", "channel"));
        MAY_USE.put("flow", List.of());
        MAY_USE.put("nlu", List.of());
        MAY_USE.put("outbox", List.of("channel"));
        MAY_USE.put("schedule", List.of());
        // The registration interface: actions (engine), flows (flow), jobs (schedule) and API routes.
        // Pages (PageRoute) name the staff role they require and hand the handler the staff session.
        MAY_USE.put("feature", List.of("engine", "flow", "schedule", "staff"));
        // The engine SPI: engine's Action, ActionContext, CustomerDirectory, ... and the channel-neutral
        // message they carry (channel's InboundMessage and Content).
        MAY_USE.put("customer", List.of("engine", "channel", "feature", "schedule"));
        MAY_USE.put("complaint", List.of("engine", "channel", "feature", "customer", "schedule"));
        MAY_USE.put("survey", List.of("engine", "channel", "feature", "customer", "schedule", "flow"));
        MAY_USE.put("offer", List.of("engine", "channel", "feature", "customer", "schedule"));
        MAY_USE.put("winback", List.of("engine", "channel", "feature", "customer", "schedule", "offer"));
        // flow: the loaded message texts its notices to customers are written in.
        MAY_USE.put("handoff", List.of("engine", "channel", "feature", "customer", "outbox", "schedule", "flow"));
        // The staff group's topics: the handoff desk, the Telegram edge (StaffGroupApi), its own outbox
        // channel, the texts (flow) and the engine's channel-neutral message model; staff for the audit log.
        MAY_USE.put(
                "staffgroup", List.of("channel", "channel.telegram", "engine", "flow", "handoff", "outbox", "staff"));
        MAY_USE.put("staff", List.of());
        // feature: the console registers as a feature with page routes; web: StaffCookies, the session cookie
        // the route table reads, set on sign-in and cleared on sign-out; web.live: the live queue stream;
        // web.page: escaped HTML and the bilingual texts.
        MAY_USE.put(
                "console",
                List.of(
                        "staff",
                        "handoff",
                        "customer",
                        "complaint",
                        "survey",
                        "offer",
                        "winback",
                        "feature",
                        "web",
                        "web.live",
                        "web.page"));
        MAY_USE.put("dashboard", List.of("staff", "feature", "web.page"));
        MAY_USE.put("demo", List.of("customer", "staff"));
    }

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport");
    }

    @Test
    void everyPackageUsesOnlyWhatTheTableAllows() {
        LayeredArchitecture layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("App")
                .definedBy("dev.rapport");
        for (String name : MAY_USE.keySet()) {
            if (!name.equals("App")) {
                // channel is the neutral model only and web the route table only; their subpackages are rows of their
                // own
                layers = layers.layer(name)
                        .definedBy(
                                name.equals("channel") || name.equals("web")
                                        ? "dev.rapport." + name
                                        : "dev.rapport." + name + "..");
            }
        }
        for (var row : MAY_USE.entrySet()) {
            List<String> allowed = new ArrayList<>();
            if (row.getValue().contains("*")) {
                MAY_USE.keySet().stream()
                        .filter(other -> !other.equals(row.getKey()))
                        .forEach(allowed::add);
            } else {
                allowed.addAll(row.getValue());
                SHARED.stream()
                        .filter(shared -> !shared.equals(row.getKey()) && !allowed.contains(shared))
                        .forEach(allowed::add);
            }
            layers = allowed.isEmpty()
                    ? layers.whereLayer(row.getKey()).mayNotAccessAnyLayer()
                    : layers.whereLayer(row.getKey()).mayOnlyAccessLayers(allowed.toArray(String[]::new));
        }
        layers.check(classes);
    }

    @Test
    void telegramTypesNeverLeaveTheTelegramChannel() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.rapport.channel.telegram..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.telegram..")
                .check(classes);
    }

    @Test
    void httpTypesStayAtTheEdge() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.rapport.web..",
                        "dev.rapport.channel.telegram..",
                        "dev.rapport.channel.webchat..",
                        "dev.rapport.console..",
                        "dev.rapport.dashboard..",
                        "dev.rapport.cli..",
                        "dev.rapport")
                // a page route's handler takes the request by nature; only the page packages implement one
                .and()
                .haveNameNotMatching("dev\\.rapport\\.feature\\.PageRoute.*")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theCustomerCoreDependsOnNoneOfItsSubpackages() {
        noClasses()
                .that()
                .resideInAPackage("dev.rapport.customer")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rapport.customer.importing..",
                        "dev.rapport.customer.tier..",
                        "dev.rapport.customer.privacy..",
                        "dev.rapport.customer.registration..")
                .check(classes);
    }

    @Test
    void staffAccountsDependOnNothingButConfigStoreAndDomain() {
        noClasses()
                .that()
                .resideInAPackage("dev.rapport.staff..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rapport.engine..",
                        "dev.rapport.flow..",
                        "dev.rapport.inbox..",
                        "dev.rapport.outbox..",
                        "dev.rapport.channel..",
                        "dev.rapport.customer..",
                        "dev.rapport.complaint..",
                        "dev.rapport.survey..",
                        "dev.rapport.offer..",
                        "dev.rapport.winback..",
                        "dev.rapport.handoff..",
                        "dev.rapport.console..",
                        "dev.rapport.dashboard..",
                        "dev.rapport.web..",
                        "dev.rapport.cli..",
                        "dev.rapport.demo..",
                        "dev.rapport.feature..",
                        "io.javalin..")
                .check(classes);
    }

    @Test
    void theConsoleUsesTheFeaturesNotTheMessagePath() {
        noClasses()
                .that()
                .resideInAPackage("dev.rapport.console..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rapport.inbox..",
                        "dev.rapport.outbox..",
                        "dev.rapport.engine..",
                        "dev.rapport.flow..",
                        "dev.rapport.nlu..",
                        "dev.rapport.channel..",
                        "dev.rapport.cli..",
                        "dev.rapport.demo..",
                        "dev.rapport.dashboard..")
                .check(classes);
    }

    @Test
    void theStaffGroupWorksThroughTheHandoffDeskAndTheTelegramEdge() {
        // The staff group's Telegram calls are channel.telegram's (StaffGroupApi, StaffGroupUpdates): no
        // org.telegram types here (the first rule); /resolve reaches the complaint desk through App.
        noClasses()
                .that()
                .resideInAPackage("dev.rapport.staffgroup..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rapport.complaint..",
                        "dev.rapport.survey..",
                        "dev.rapport.offer..",
                        "dev.rapport.winback..",
                        "dev.rapport.console..",
                        "dev.rapport.dashboard..",
                        "dev.rapport.web..",
                        "dev.rapport.cli..",
                        "dev.rapport.demo..",
                        "dev.rapport.nlu..",
                        "dev.rapport.inbox..",
                        "dev.rapport.channel.webchat..",
                        "io.javalin..",
                        "okhttp3..")
                .check(classes);
    }

    @Test
    void handoffsUseTheEngineSpiAndTheOutboxNotStaffTheConsoleOrOtherFeatures() {
        noClasses()
                .that()
                .resideInAPackage("dev.rapport.handoff..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rapport.staff..",
                        "dev.rapport.console..",
                        "dev.rapport.dashboard..",
                        "dev.rapport.inbox..",
                        "dev.rapport.web..",
                        "dev.rapport.cli..",
                        "dev.rapport.channel.telegram..",
                        "dev.rapport.channel.webchat..",
                        "dev.rapport.complaint..",
                        "dev.rapport.survey..",
                        "dev.rapport.offer..",
                        "dev.rapport.winback..",
                        "dev.rapport.nlu..",
                        "io.javalin..")
                .check(classes);
    }

    /** A leaf: the domain, and config for the one YAML reader its texts are read with (config is a leaf too). */
    @Test
    void thePageGroundDependsOnNothingOfRapportsButTheDomainAndConfig() {
        noClasses()
                .that()
                .resideInAPackage("dev.rapport.web.page..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.rapport..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages(
                                "dev.rapport.web.page..", "dev.rapport.domain..", "dev.rapport.config..")))
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.rapport.(**)").should().beFreeOfCycles().check(classes);
    }
}
