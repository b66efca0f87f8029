package health.patchwork.esr.outbound;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The package structure of this service (packages by capability) and two rules that keep personal data safe. */
@AnalyzeClasses(packages = "health.patchwork.esr.outbound", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule capabilitiesHaveNoCycles = slices().matching("health.patchwork.esr.outbound.(*)..")
            .should().beFreeOfCycles();

    /** The REST API sits on top: nothing in the import path depends on it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheApi = noClasses().that().resideOutsideOfPackage("..outbound.api..")
            .should().dependOnClassesThat().resideInAPackage("..outbound.api..");

    /** Only the mailbox package talks to the mailbox, apart from the full-refresh request upload. */
    @ArchTest
    static final ArchRule mailboxAccessIsContained = noClasses()
            .that().resideOutsideOfPackages("..outbound.mailbox..", "..outbound.sequence..", "..outbound.config..")
            .should().dependOnClassesThat().haveSimpleName("MailboxClient");

    /** Rows hold personal data: nothing prints to stdout/stderr, where it would escape the log policy. */
    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noJavaUtilLogging =
            GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
