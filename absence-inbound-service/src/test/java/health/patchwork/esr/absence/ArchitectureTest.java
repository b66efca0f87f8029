package health.patchwork.esr.absence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import health.patchwork.esr.support.export.ExportCheckpoints;
import health.patchwork.esr.support.export.ExportContent;
import health.patchwork.esr.support.export.ExportLock;
import health.patchwork.esr.support.export.FileExporter;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Packages by capability, without cycles; only the export package talks to the shared exporter. */
@AnalyzeClasses(packages = "health.patchwork.esr.absence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesHaveNoCycles = slices().matching("health.patchwork.esr.absence.(*)..")
            .should().beFreeOfCycles();

    /** Only the export package makes and sends files; others (the operators' file list) may read the ledger. */
    @ArchTest
    static final ArchRule onlyExportUsesTheExporter = noClasses().that()
            .resideOutsideOfPackage("health.patchwork.esr.absence.export..")
            .should().dependOnClassesThat().belongToAnyOf(FileExporter.class, ExportLock.class,
                    ExportContent.class, ExportCheckpoints.class);
}
