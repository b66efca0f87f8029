package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.Samples;
import health.patchwork.esr.formats.read.FieldCountPolicy;
import health.patchwork.esr.formats.read.TrailerCountMode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of docs/spec/README.md §6.1 checks 3–13 and 16, each broken on purpose (samples/README.md "Negative variants"). */
class OutboundValidationRulesTest {

    private static final String CHANGE = Samples.text(Samples.CHANGE);
    private static final String FULL = Samples.text(Samples.FULL);
    private static final OutboundValidationOptions OPTIONS = OutboundValidationOptions.forVpd("123");

    private static ValidationReport validate(String name, String content) {
        return validate(name, content, OPTIONS);
    }

    private static ValidationReport validate(String name, String content, OutboundValidationOptions options) {
        return new OutboundFileValidator(options).validate(Samples.stream(content), name);
    }

    @Test
    void check1NameOfAnotherTrustOrSubTypeIsNotOurs() {
        OutboundFileValidator v = new OutboundFileValidator(OPTIONS);
        assertThat(v.checkName(Samples.CHANGE)).isEqualTo(ValidationOutcome.VALID);
        assertThat(v.checkName("GO_124_RST_GOC_20261102_00000042.DAT")).isEqualTo(ValidationOutcome.IGNORED_NOT_OURS);
        assertThat(v.checkName("GO_123_GDW_GOC_20261102_00000042.DAT")).isEqualTo(ValidationOutcome.IGNORED_NOT_OURS);
        assertThat(v.checkName(Samples.GDR)).isEqualTo(ValidationOutcome.IGNORED_NOT_OURS);
        assertThat(v.checkName("notes.txt")).isEqualTo(ValidationOutcome.IGNORED_NOT_OURS);
        assertThat(new OutboundFileValidator(OPTIONS.withSubFileType("GDW"))
                .checkName("GO_123_GDW_GOC_20261102_00000042.DAT")).isEqualTo(ValidationOutcome.VALID);
    }

    @Test
    void check3EmptyOrOneLineFileIsRejected() {
        assertThat(validate(Samples.CHANGE, "").outcome()).isEqualTo(ValidationOutcome.REJECTED_EMPTY);
        assertThat(validate(Samples.CHANGE, " \r\n\n\t\n").outcome()).isEqualTo(ValidationOutcome.REJECTED_EMPTY);
        assertThat(validate(Samples.CHANGE, CHANGE.substring(0, CHANGE.indexOf('\r'))).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_EMPTY);
    }

    @Test
    void check4FirstLineMustBeASevenFieldHeader() {
        ValidationReport bom = validate(Samples.CHANGE, "\uFEFF" + CHANGE);
        assertThat(bom.outcome()).isEqualTo(ValidationOutcome.REJECTED_NO_HEADER);
        assertThat(bom.firstIssue().line()).isEqualTo(1);

        ValidationReport shortHeader = validate(Samples.CHANGE, CHANGE.replace("~01\r\n", "\r\n"));
        assertThat(shortHeader.outcome()).isEqualTo(ValidationOutcome.REJECTED_NO_HEADER);
        assertThat(shortHeader.firstIssue().actual()).isEqualTo("HDR with 6 fields");

        String withoutHeader = CHANGE.substring(CHANGE.indexOf('\n') + 1);
        assertThat(validate(Samples.CHANGE, withoutHeader).outcome()).isEqualTo(ValidationOutcome.REJECTED_NO_HEADER);
    }

    @Test
    void check8AnEmptyInterfaceVersionIsRejectedNotAnError() {
        // found by MutationProperties: an empty version once threw a NullPointerException
        ValidationReport r = validate(Samples.CHANGE, CHANGE.replace("~01\r\n", "~\r\n"));

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_VERSION);
        assertThat(r.firstIssue().line()).isEqualTo(1);
        assertThat(r.firstIssue().fieldName()).isEqualTo("Interface Version");
    }

    @Test
    void check5RenamedFileWithoutEditingItsHeaderIsRejected() {
        ValidationReport r = validate("GO_123_RST_GOC_20261102_00000043.DAT", CHANGE);

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_HEADER_NAME);
        assertThat(r.firstIssue().fieldName()).isEqualTo("File Name");
        assertThat(r.firstIssue().line()).isEqualTo(1);
        assertThat(r.firstIssue().actual()).isEqualTo(Samples.CHANGE);
    }

    @Test
    void check6HeaderVpdMustBeTheTrustVpd() {
        ValidationReport r = validate(Samples.CHANGE, CHANGE.replace(" 051102~123~", " 051102~124~"));

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_WRONG_VPD);
        assertThat(r.firstIssue().fieldName()).isEqualTo("VPD");
        assertThat(r.firstIssue().expected()).isEqualTo("123");
        assertThat(r.firstIssue().actual()).isEqualTo("124");

        ValidationReport otherTrust = validate(Samples.CHANGE, CHANGE, OutboundValidationOptions.forVpd("124"));
        assertThat(otherTrust.outcome()).isEqualTo(ValidationOutcome.REJECTED_WRONG_VPD);
    }

    @Test
    void check7HeaderTimestampsMustParseAndRunDateNotPrecedePreviousRunDate() {
        assertThat(validate(Samples.CHANGE, CHANGE.replace("20261102 051102", "20261102 251102")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_HEADER_VALUE);
        ValidationReport reversed = validate(Samples.CHANGE,
                CHANGE.replace("~20261101 000000~20261102 000000~", "~20261103 000000~20261102 000000~"));
        assertThat(reversed.outcome()).isEqualTo(ValidationOutcome.REJECTED_HEADER_VALUE);
        assertThat(reversed.firstIssue().fieldName()).isEqualTo("Run Date");
        assertThat(validate(Samples.CHANGE, CHANGE.replace("~20261101 000000~", "~00000000 000000~")).outcome())
                .as("a zero previous run date is allowed").isEqualTo(ValidationOutcome.VALID);
        assertThat(validate(Samples.CHANGE, CHANGE.replace("~20261102 000000~01", "~00000000 000000~01")).outcome())
                .as("only the previous run date may be zero").isEqualTo(ValidationOutcome.REJECTED_HEADER_VALUE);
    }

    @Test
    void check8InterfaceVersionMustBeAccepted() {
        String v02 = CHANGE.replace("~20261102 000000~01\r\n", "~20261102 000000~02\r\n");
        ValidationReport r = validate(Samples.CHANGE, v02);
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_VERSION);
        assertThat(r.firstIssue().actual()).isEqualTo("02");

        ValidationReport acceptedButNoLayout = validate(Samples.CHANGE, v02, OPTIONS.withAcceptedVersions(List.of("01", "02")));
        assertThat(acceptedButNoLayout.outcome()).isEqualTo(ValidationOutcome.REJECTED_VERSION);

        ValidationReport trustLayout = validate(Samples.CHANGE, v02, OPTIONS.withAcceptedVersions(List.of("02"))
                .withLayout(health.patchwork.esr.formats.layout.InterfaceLayout.outboundRostering("01")));
        assertThat(trustLayout.outcome()).isEqualTo(ValidationOutcome.VALID);
    }

    @Test
    void check9LastLineMustBeAWellFormedTrailer() {
        ValidationReport missing = validate(Samples.CHANGE, CHANGE.replace("TRL~9\r\n", ""));
        assertThat(missing.outcome()).isEqualTo(ValidationOutcome.REJECTED_NO_TRAILER);
        assertThat(missing.firstIssue().line()).isEqualTo(8);

        assertThat(validate(Samples.CHANGE, CHANGE.replace("TRL~9", "TRL~9~")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_NO_TRAILER);
        assertThat(validate(Samples.CHANGE, CHANGE.replace("TRL~9", "TRL~nine")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_NO_TRAILER);
        assertThat(validate(Samples.CHANGE, CHANGE.replace("TRL~9", "TRL~9.0")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_NO_TRAILER);
    }

    @Test
    void check10NoHeaderOrTrailerBetweenFirstAndLastLine() {
        String extraTrailer = CHANGE.replace("COD~8001\r\n", "COD~8001\r\nTRL~3\r\n").replace("TRL~9", "TRL~10");
        ValidationReport r = validate(Samples.CHANGE, extraTrailer);
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_STRUCTURE);
        assertThat(r.firstIssue().line()).isEqualTo(4);
        assertThat(r.firstIssue().recordType()).isEqualTo("TRL");

        String header = CHANGE.substring(0, CHANGE.indexOf('\n') + 1);
        String extraHeader = CHANGE.replace("COD~8001\r\n", "COD~8001\r\n" + header).replace("TRL~9", "TRL~10");
        ValidationReport h = validate(Samples.CHANGE, extraHeader);
        assertThat(h.outcome()).isEqualTo(ValidationOutcome.REJECTED_STRUCTURE);
        assertThat(h.firstIssue().recordType()).isEqualTo("HDR");
    }

    @Test
    void check11TrailerCountMustMatchTheLines() {
        ValidationReport r = validate(Samples.CHANGE, CHANGE.replace("TRL~9", "TRL~8"));

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_RECORD_COUNT);
        assertThat(r.firstIssue().line()).isEqualTo(9);
        assertThat(r.firstIssue().expected()).isEqualTo("9");
        assertThat(r.firstIssue().actual()).isEqualTo("8");
        assertThat(r.trailerCount()).isEqualTo(8L);

        OutboundValidationOptions dataRows = OPTIONS.withTrailerCountMode(TrailerCountMode.DATA_ROWS);
        assertThat(validate(Samples.CHANGE, CHANGE, dataRows).outcome()).isEqualTo(ValidationOutcome.REJECTED_RECORD_COUNT);
        assertThat(validate(Samples.CHANGE, CHANGE.replace("TRL~9", "TRL~7"), dataRows).outcome())
                .isEqualTo(ValidationOutcome.VALID);
    }

    @Test
    void check12StoredRowWithAFieldMissingIsRejectedWithLineTypeAndCounts() {
        String[] lines = CHANGE.split("\r\n");
        lines[6] = lines[6].substring(0, lines[6].lastIndexOf('~'));
        ValidationReport r = validate(Samples.CHANGE, String.join("\r\n", lines) + "\r\n");

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        ValidationIssue issue = r.firstIssue();
        assertThat(issue.line()).isEqualTo(7);
        assertThat(issue.recordType()).isEqualTo("ASA");
        assertThat(issue.expected()).isEqualTo("51");
        assertThat(issue.actual()).isEqualTo("50");
    }

    @Test
    void check12DeleteRowsHaveTwoFieldsOrTheFullLength() {
        assertThat(validate(Samples.CHANGE, CHANGE.replace("COD~8001", "COD~8001~x")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        String fullDelete = "COD~100001~200002~8001~20250106~47121231~123~~123A7200~51210~~~~~100~20250106 091500";
        ValidationReport r = validate(Samples.CHANGE, CHANGE.replace("COD~8001", fullDelete));
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.count("COD")).isEqualTo(1);
    }

    @Test
    void check12TolerantPolicyAcceptsOnlyTrailingEmptyFields() {
        String[] lines = CHANGE.split("\r\n");
        String shorter = String.join("\r\n", withLine(lines, 6, lines[6].substring(0, lines[6].lastIndexOf('~'))));
        String longer = String.join("\r\n", withLine(lines, 6, lines[6] + "~~"));
        String longerWithData = String.join("\r\n", withLine(lines, 6, lines[6] + "~~X"));
        OutboundValidationOptions tolerant = OPTIONS.withFieldCountPolicy(FieldCountPolicy.TOLERANT);

        ValidationReport s = validate(Samples.CHANGE, shorter, tolerant);
        assertThat(s.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(s.warnings()).hasSize(1);
        assertThat(s.warnings().get(0).line()).isEqualTo(7);
        assertThat(validate(Samples.CHANGE, longer, tolerant).outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(validate(Samples.CHANGE, longerWithData, tolerant).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        assertThat(validate(Samples.CHANGE, longer, OPTIONS.withFieldCountPolicy(FieldCountPolicy.STRICT)).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        assertThat(validate(Samples.CHANGE, shorter).outcome()).isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
    }

    private static String[] withLine(String[] lines, int index, String line) {
        String[] copy = lines.clone();
        copy[index] = line;
        return copy;
    }

    @Test
    void check12IgnoredTypesWithAnotherFieldCountOnlyWarn() {
        String withPhone = CHANGE.replace("COD~8001\r\n", "COD~8001\r\nPHA~100004~3301~Mobile\r\n").replace("TRL~9", "TRL~10");
        ValidationReport r = validate(Samples.CHANGE, withPhone);

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.recordType()).isEqualTo("PHA");
            assertThat(w.expected()).isEqualTo("8");
            assertThat(w.actual()).isEqualTo("4");
        });
    }

    @Test
    void unknownRecordTypesAreCountedNeverFatalAndLovRowsAreAccepted() {
        String extra = CHANGE.replace("COD~8001\r\n",
                "COD~8001\r\nXXA~1~2\r\nLOV~LKUP~NHS_NACS_CODE~123-RZZ~123-RZZ RIVERSIDE~~~~~Y~~~20261014 095943\r\n")
                .replace("TRL~9", "TRL~11");
        ValidationReport r = validate(Samples.CHANGE, extra);

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.unknownRecordTypes()).containsExactly(java.util.Map.entry("XXA", 1L));
        assertThat(r.count("LOV")).isEqualTo(1);
        assertThat(r.count("XXA")).isEqualTo(1);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.recordType()).isEqualTo("XXA");
            assertThat(w.line()).isEqualTo(4);
        });
    }

    @Test
    void check13KeyFieldsMustBePresent() {
        ValidationReport emptyKey = validate(Samples.CHANGE, CHANGE.replace("PRA~100003~", "PRA~~"));
        assertThat(emptyKey.outcome()).isEqualTo(ValidationOutcome.REJECTED_VALUE);
        assertThat(emptyKey.firstIssue().fieldName()).isEqualTo("Person ID");
        assertThat(emptyKey.firstIssue().line()).isEqualTo(2);

        ValidationReport emptyDeleteId = validate(Samples.CHANGE, CHANGE.replace("COD~8001", "COD~"));
        assertThat(emptyDeleteId.outcome()).isEqualTo(ValidationOutcome.REJECTED_VALUE);
        assertThat(emptyDeleteId.firstIssue().fieldName()).isEqualTo("Costing Allocation ID");
    }

    @Test
    void check13TypedValuesMustParseAndErrorsNeverQuoteThem() {
        ValidationReport badDate = validate(Samples.CHANGE, CHANGE.replace("~19880109~", "~19880230~"));
        assertThat(badDate.outcome()).isEqualTo(ValidationOutcome.REJECTED_VALUE);
        ValidationIssue issue = badDate.firstIssue();
        assertThat(issue.fieldName()).isEqualTo("Date of Birth");
        assertThat(issue.line()).isEqualTo(2);
        assertThat(issue.recordType()).isEqualTo("PRA");
        assertThat(issue.message()).isEqualTo("field 'Date of Birth' is not a valid date (expected YYYYMMDD)");
        assertThat(issue.toString()).doesNotContain("19880230");

        assertThat(validate(Samples.CHANGE, CHANGE.replace("~Calendar~4001~N~~~~~Part Time~Fixed Term Temp~Y~32~",
                "~Calendar~4001~N~~~~~Part Time~Fixed Term Temp~Y~32h~")).firstIssue().fieldName())
                .isEqualTo("Normal Hours / Sessions");
        assertThat(validate(Samples.CHANGE, CHANGE.replace("20261101 163500", "20261101 16:35")).firstIssue().fieldName())
                .isEqualTo("Last Update Date");
        assertThat(validate(Samples.FULL, FULL.replace("~20261020~~~~~20261020~~20261022~",
                "~20261020~~9:00~~~20261020~~20261022~")).firstIssue().fieldName()).isEqualTo("Projected Start Time");
        assertThat(validate(Samples.CHANGE, CHANGE.replace("PRA~100003~20240115~~", "PRA~100003~20240115~47121231~")).outcome())
                .as("open end date").isEqualTo(ValidationOutcome.VALID);
    }

    @Test
    void check16ChangeWindowNotContiguousOnlyWarns() {
        LocalDateTime lastRun = LocalDateTime.of(2026, 10, 31, 0, 0);
        ValidationReport r = validate(Samples.CHANGE, CHANGE, OPTIONS.withLastAppliedRunDate(lastRun));
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.fieldName()).isEqualTo("Previous Run Date"));

        ValidationReport contiguous = validate(Samples.CHANGE, CHANGE,
                OPTIONS.withLastAppliedRunDate(LocalDateTime.of(2026, 11, 1, 0, 0)));
        assertThat(contiguous.warnings()).isEmpty();
    }

    @Test
    void theEarliestFailingCheckDecidesTheOutcomeAndAllIssuesAreListed() {
        String broken = CHANGE.replace(" 051102~123~", " 051102~124~").replace("TRL~9", "TRL~8")
                .replace("COD~8001", "COD~");
        ValidationReport r = validate(Samples.CHANGE, broken);

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_WRONG_VPD);
        assertThat(r.issues()).extracting(ValidationIssue::outcome).contains(ValidationOutcome.REJECTED_WRONG_VPD,
                ValidationOutcome.REJECTED_VALUE, ValidationOutcome.REJECTED_RECORD_COUNT);
        assertThat(r.totalIssueCount()).isEqualTo(3);
    }

    @Test
    void garbageRecordTypesAreReportedWithoutTheirContent() {
        String withGarbage = CHANGE.replace("COD~8001\r\n", "COD~8001\r\nMrs Jane Example 1 High St\r\n")
                .replace("TRL~9", "TRL~10");
        ValidationReport r = validate(Samples.CHANGE, withGarbage);

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.unknownRecordTypes()).containsOnlyKeys("(malformed)");
        assertThat(r.toString()).doesNotContain("Jane");
    }
}
