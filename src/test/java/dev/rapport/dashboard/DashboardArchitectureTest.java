package dev.rapport.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md's row for the dashboard: manager reports and exports in read-only SQL, using staff
 * (accounts, audit), the route table's page type and the feature interface — never another feature's
 * code, the message path or the console.
 */
class DashboardArchitectureTest {

    @Test
    void theDashboardReadsTablesNotOtherFeatures() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport");
        noClasses()
                .that()
                .resideInAPackage("dev.rapport.dashboard..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rapport.engine..",
                        "dev.rapport.flow..",
                        "dev.rapport.nlu..",
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
                        "dev.rapport.cli..",
                        "dev.rapport.demo..",
                        "dev.rapport.schedule..")
                .check(classes);
    }
}
