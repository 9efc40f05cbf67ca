package dev.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of ARCHITECTURE.md, checked on the compiled main code. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport");
    }

    @Test
    void telegramTypesNeverLeaveTheTelegramChannel() {
        noClasses().that().resideOutsideOfPackage("dev.rapport.channel.telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(classes);
    }

    @Test
    void theEngineNeverImportsAFeatureOrAnEdge() {
        noClasses().that().resideInAPackage("dev.rapport.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.customer..", "dev.rapport.complaint..",
                        "dev.rapport.survey..", "dev.rapport.offer..", "dev.rapport.winback..", "dev.rapport.handoff..",
                        "dev.rapport.console..", "dev.rapport.dashboard..", "dev.rapport.channel.telegram..",
                        "dev.rapport.channel.webchat..", "dev.rapport.inbox..", "dev.rapport.web..", "dev.rapport.cli..")
                .check(classes);
    }

    @Test
    void httpTypesStayAtTheEdge() {
        noClasses().that().resideInAnyPackage("dev.rapport.engine..", "dev.rapport.flow..", "dev.rapport.inbox..",
                        "dev.rapport.outbox..", "dev.rapport.customer..", "dev.rapport.nlu..", "dev.rapport.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theModelPackagesDependOnNothingOfRapport() {
        noClasses().that().resideInAnyPackage("dev.rapport.flow..", "dev.rapport.channel", "dev.rapport.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.engine..", "dev.rapport.inbox..",
                        "dev.rapport.outbox..", "dev.rapport.customer..", "dev.rapport.web..", "dev.rapport.store..",
                        "dev.rapport.channel.telegram..", "dev.rapport.channel.webchat..")
                .check(classes);
    }

    @Test
    void surveysUseTheEngineSpiNotTheEdgesOrOtherFeatures() {
        noClasses().that().resideInAPackage("dev.rapport.survey..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.inbox..", "dev.rapport.web..",
                        "dev.rapport.cli..", "dev.rapport.channel.telegram..", "dev.rapport.channel.webchat..",
                        "dev.rapport.outbox..", "dev.rapport.complaint..", "dev.rapport.offer..", "dev.rapport.winback..",
                        "dev.rapport.handoff..", "dev.rapport.console..", "dev.rapport.dashboard..")
                .check(classes);
    }

    @Test
    void complaintsUseTheEngineSpiNotTheEdgesOrOtherFeatures() {
        noClasses().that().resideInAPackage("dev.rapport.complaint..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.inbox..", "dev.rapport.outbox..",
                        "dev.rapport.web..", "dev.rapport.cli..", "dev.rapport.channel.telegram..",
                        "dev.rapport.channel.webchat..", "dev.rapport.flow..",
                        "dev.rapport.nlu..", "dev.rapport.survey..", "dev.rapport.offer..", "dev.rapport.winback..",
                        "dev.rapport.handoff..", "dev.rapport.console..", "dev.rapport.dashboard..", "io.javalin..")
                .check(classes);
    }

    @Test
    void customersReachTheEngineOnlyThroughItsSpiAndTheWebOnlyThroughTheApiRoute() {
        noClasses().that().resideInAPackage("dev.rapport.customer..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.inbox..", "dev.rapport.outbox..",
                        "dev.rapport.flow..", "dev.rapport.channel.telegram..", "dev.rapport.channel.webchat..",
                        "dev.rapport.cli..", "dev.rapport.nlu..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.rapport.customer..").and().doNotHaveSimpleName("PurchaseApi")
                .should().dependOnClassesThat().resideInAPackage("dev.rapport.web..")
                .check(classes);
    }

    @Test
    void theCustomerCoreDependsOnNoneOfItsSubpackages() {
        noClasses().that().resideInAPackage("dev.rapport.customer")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.customer.importing..",
                        "dev.rapport.customer.tier..", "dev.rapport.customer.privacy..")
                .check(classes);
    }

    @Test
    void winBackUsesOffersButOffersKnowNothingOfWinBack() {
        noClasses().that().resideInAPackage("dev.rapport.offer..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.winback..", "dev.rapport.cli..",
                        "dev.rapport.inbox..", "io.javalin..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.rapport.winback..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.cli..", "dev.rapport.inbox..",
                        "dev.rapport.web..", "io.javalin..")
                .check(classes);
    }

    @Test
    void staffAccountsDependOnNothingButConfigStoreAndDomain() {
        noClasses().that().resideInAPackage("dev.rapport.staff..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.engine..", "dev.rapport.flow..",
                        "dev.rapport.inbox..", "dev.rapport.outbox..", "dev.rapport.channel..", "dev.rapport.customer..",
                        "dev.rapport.complaint..", "dev.rapport.survey..", "dev.rapport.offer..", "dev.rapport.winback..",
                        "dev.rapport.handoff..", "dev.rapport.console..", "dev.rapport.dashboard..", "dev.rapport.web..",
                        "dev.rapport.cli..", "dev.rapport.demo..", "dev.rapport.feature..", "io.javalin..")
                .check(classes);
    }

    @Test
    void theConsoleUsesTheFeaturesNotTheMessagePath() {
        noClasses().that().resideInAPackage("dev.rapport.console..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.inbox..", "dev.rapport.outbox..",
                        "dev.rapport.engine..", "dev.rapport.flow..", "dev.rapport.nlu..", "dev.rapport.channel..",
                        "dev.rapport.cli..", "dev.rapport.demo..", "dev.rapport.dashboard..")
                .check(classes);
    }

    @Test
    void theStaffGroupWorksThroughTheHandoffDeskAndTheTelegramEdge() {
        // The staff group's Telegram calls are channel.telegram's (StaffGroupApi, StaffGroupUpdates): no
        // org.telegram types here (the first rule); /resolve reaches the complaint desk through App.
        noClasses().that().resideInAPackage("dev.rapport.staffgroup..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.complaint..", "dev.rapport.survey..",
                        "dev.rapport.offer..", "dev.rapport.winback..", "dev.rapport.console..", "dev.rapport.dashboard..",
                        "dev.rapport.web..", "dev.rapport.cli..", "dev.rapport.demo..", "dev.rapport.nlu..",
                        "dev.rapport.inbox..", "dev.rapport.channel.webchat..", "io.javalin..", "okhttp3..")
                .check(classes);
    }

    @Test
    void handoffsUseTheEngineSpiAndTheOutboxNotStaffTheConsoleOrOtherFeatures() {
        noClasses().that().resideInAPackage("dev.rapport.handoff..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.staff..", "dev.rapport.console..",
                        "dev.rapport.dashboard..", "dev.rapport.inbox..", "dev.rapport.web..", "dev.rapport.cli..",
                        "dev.rapport.channel.telegram..", "dev.rapport.channel.webchat..", "dev.rapport.complaint..",
                        "dev.rapport.survey..", "dev.rapport.offer..", "dev.rapport.winback..", "dev.rapport.nlu..",
                        "io.javalin..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.rapport.(**)").should().beFreeOfCycles().check(classes);
    }
}
