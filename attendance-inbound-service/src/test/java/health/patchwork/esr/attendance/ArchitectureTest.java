package health.patchwork.esr.attendance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Packages by capability (config, mapping, period, ledger, intake, export, status), without cycles. */
@AnalyzeClasses(packages = "health.patchwork.esr.attendance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesHaveNoCycles = slices().matching("health.patchwork.esr.attendance.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule configurationAndMappingDependOnNoOtherCapability = noClasses()
            .that().resideInAnyPackage("..attendance.config..", "..attendance.mapping..", "..attendance.period..")
            .should().dependOnClassesThat().resideInAnyPackage("..attendance.ledger..", "..attendance.intake..",
                    "..attendance.export..", "..attendance.status..");

    @ArchTest
    static final ArchRule intakeDoesNotReachIntoExport = noClasses().that().resideInAPackage("..attendance.intake..")
            .should().dependOnClassesThat().resideInAnyPackage("..attendance.export..", "..attendance.status..");
}
