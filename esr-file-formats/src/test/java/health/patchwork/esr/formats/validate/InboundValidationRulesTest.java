package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.Samples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each inbound (TA/AB) rule broken on purpose. Records are CR-separated; the sample text keeps that. */
class InboundValidationRulesTest {

    private static final String TA = Samples.text(Samples.TA);
    private static final String AB = Samples.text(Samples.AB);
    private static final InboundFileValidator VALIDATOR = new InboundFileValidator(InboundValidationOptions.forVpd("123"));

    private static ValidationReport validate(String name, String content) {
        return VALIDATOR.validate(Samples.stream(content), name);
    }

    private static String replaceRecord(String content, int index, String record) {
        String[] records = content.split("\r", -1);
        records[index] = record;
        return String.join("\r", records);
    }

    @Test
    void nameMustFollowTheGrammar() {
        assertThat(validate("TA_123_PWH_MN2713_00000007.DAT", TA).outcome()).isEqualTo(ValidationOutcome.REJECTED_FILE_NAME);
    }

    @Test
    void emptyFileIsRejectedAndAFileWithoutDataRowsWarned() {
        assertThat(validate(Samples.TA, "").outcome()).isEqualTo(ValidationOutcome.REJECTED_EMPTY);
        ValidationReport noRows = validate(Samples.TA, TA.substring(0, TA.indexOf('\r') + 1) + "FTR,0,0");
        assertThat(noRows.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(noRows.warnings()).hasSize(1);
    }

    @Test
    void headerMustHaveEightFieldsAndMatchTheName() {
        assertThat(validate(Samples.TA, TA.replace(",M,N,08\r", ",M,N\r")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_NO_HEADER);
        ValidationReport renamed = validate("TA_123_PWH_MN2708_00000008.DAT", TA);
        assertThat(renamed.outcome()).isEqualTo(ValidationOutcome.REJECTED_HEADER_NAME);
        assertThat(validate(Samples.TA, TA.replace(",PWH,123,M", ",PWH,124,M")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_WRONG_VPD);
        ValidationReport period = validate(Samples.TA, TA.replace(",M,N,08\r", ",M,N,09\r"));
        assertThat(period.outcome()).isEqualTo(ValidationOutcome.REJECTED_HEADER_VALUE);
        assertThat(period.firstIssue().fieldName()).isEqualTo("Tax Period");
        assertThat(validate(Samples.TA, TA.replace("20261103093000", "20261103253000")).firstIssue().fieldName())
                .isEqualTo("Creation Timestamp");
        assertThat(validate(Samples.TA, TA.replace(",PWH,123,M", ",XYZ,123,M")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_HEADER_VALUE);
    }

    @Test
    void footerMustBeLastWithTheRowCountAndZero() {
        assertThat(validate(Samples.TA, TA.replace("\rFTR,5,0", "")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_NO_TRAILER);
        ValidationReport count = validate(Samples.TA, TA.replace("FTR,5,0", "FTR,4,0"));
        assertThat(count.outcome()).isEqualTo(ValidationOutcome.REJECTED_RECORD_COUNT);
        assertThat(count.firstIssue().expected()).isEqualTo("5");
        assertThat(count.firstIssue().actual()).isEqualTo("4");
        assertThat(validate(Samples.TA, TA.replace("FTR,5,0", "FTR,5,1")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_RECORD_COUNT);
        assertThat(validate(Samples.TA, TA.replace("FTR,5,0", "FTR,5")).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_NO_TRAILER);
    }

    @Test
    void recordsMustBeCrSeparatedWithNoTerminatorAfterTheFooter() {
        ValidationReport lf = validate(Samples.TA, TA.replace('\r', '\n'));
        assertThat(lf.outcome()).isEqualTo(ValidationOutcome.REJECTED_STRUCTURE);
        assertThat(lf.firstIssue().actual()).isEqualTo("LF");
        assertThat(validate(Samples.TA, TA + "\r").outcome()).isEqualTo(ValidationOutcome.REJECTED_STRUCTURE);
        assertThat(new InboundFileValidator(InboundValidationOptions.forVpd("123").withTerminateLastRecord(true))
                .validate(Samples.stream(TA + "\r"), Samples.TA).outcome()).isEqualTo(ValidationOutcome.VALID);
    }

    @Test
    void dataRecordsMustBeOfTheFilesTypeAndWidth() {
        String att = TA.split("\r")[1];
        ValidationReport narrow = validate(Samples.TA, replaceRecord(TA, 1, att.substring(0, att.length() - 3)));
        assertThat(narrow.outcome()).isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        assertThat(narrow.firstIssue().line()).isEqualTo(2);
        assertThat(narrow.firstIssue().expected()).isEqualTo("43");
        assertThat(narrow.firstIssue().actual()).isEqualTo("40");

        String[] records = TA.split("\r", -1);
        for (int i = 1; i < records.length - 1; i++) {
            records[i] = String.join(",", java.util.Arrays.copyOf(records[i].split(",", -1), 40));
        }
        String forty = String.join("\r", records);
        assertThat(validate(Samples.TA, forty).outcome()).isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        assertThat(new InboundFileValidator(InboundValidationOptions.forVpd("123").withAttColumnCount(40))
                .validate(Samples.stream(forty), Samples.TA).outcome()).isEqualTo(ValidationOutcome.VALID);

        assertThat(validate(Samples.TA, replaceRecord(TA, 1, att.replace("ATT,", "ABS,"))).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_STRUCTURE);
    }

    @Test
    void attendanceValuesFollowTheFormats() {
        assertThat(issueField(TA.replace("\"Hours\",7.50", "\"Hours\",7.5"))).isEqualTo("Input Value 1 Value");
        assertThat(issueField(TA.replace("24-Oct-2026", "24-Okt-2026"))).isEqualTo("Input Value 2 Value");
        assertThat(issueField(TA.replace("\"Unsocial Hours Saturday\"", "Unsocial Hours Saturday")))
                .isEqualTo("Element Name");
        assertThat(issueField(TA.replace("ATT,20261103,ADD,,20000001,20261024", "ATT,20261103,ADD,,20000001,20261324")))
                .isEqualTo("Earned Date");
        assertThat(issueField(TA.replace("ATT,20261103,ADD,,20000001,", "ATT,20261103,DEL,,20000001,")))
                .isEqualTo("Operation Type");
        assertThat(issueField(TA.replace("ATT,20261103,ADD,,20000001,", "ATT,20261103,ADD,,,")))
                .isEqualTo("Assignment Number");
        assertThat(issueField(TA.replace("\"Date Worked\",24-Oct-2026", ",24-Oct-2026"))).isEqualTo("Input Value 2 Value");
        assertThat(issueField(TA.replace("\"Hours\",7.50,\"Date Worked\",24-Oct-2026,,",
                ",,\"Date Worked\",24-Oct-2026,\"Hours\",7.50"))).isEqualTo("Input Value 2 Name");
        assertThat(issueField(TA.replace(",20000001,", ", 20000001,"))).isEqualTo("Assignment Number");
    }

    private static String issueField(String content) {
        ValidationReport r = validate(Samples.TA.startsWith("TA") && content.startsWith("HDR,TA") ? Samples.TA : Samples.AB,
                content);
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_VALUE);
        assertThat(r.firstIssue().line()).isEqualTo(2);
        return r.firstIssue().fieldName();
    }

    @Test
    void absenceValuesFollowTheOperationRules() {
        assertThat(issueField(AB.replace(",N,,PWH-A000131,", ",Y,,PWH-A000131,"))).isEqualTo("Open Ended Flag");
        assertThat(issueField(AB.replace(",,7.50,H,", ",,,H,"))).isEqualTo("Duration Hours");
        assertThat(issueField(AB.replace(",,7.50,H,", ",,7.5,H,"))).isEqualTo("Duration Hours");
        assertThat(issueField(AB.replace(",08:00,", ",8:00,"))).isEqualTo("Start Time");
        assertThat(issueField(AB.replace("PWH-A000131", "pwh a000131"))).isEqualTo("Third Party System Reference");
        assertThat(issueField(AB.replace("\"Annual Leave Hours 1\"", ""))).isEqualTo("Absence Type");
        assertThat(issueField(AB.replace(",H,,,N,", ",X,,,N,"))).isEqualTo("Units");

        String delWithType = AB.replace("ABS,20261103,DEL,,20000001-2,,", "ABS,20261103,DEL,,20000001-2,\"Sickness\",");
        ValidationReport r = validate(Samples.AB, delWithType);
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_VALUE);
        assertThat(r.firstIssue().line()).isEqualTo(5);
        assertThat(r.firstIssue().fieldName()).isEqualTo("Absence Type");
    }

    @Test
    void aRowWhoseNumericValuesAreAllZeroIsAWarning() {
        ValidationReport r = validate(Samples.TA, TA.replace("\"Hours\",7.50", "\"Hours\",0.00"));
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(2));
    }

    @Test
    void quotedNamesMayHoldCommas() {
        try (var reader = new health.patchwork.esr.formats.read.InboundReader(Samples.stream(AB))) {
            reader.next();
            reader.next();
            reader.next();
            var end = reader.next();
            assertThat(end.fieldCount()).isEqualTo(20);
            assertThat(end.get(6)).isEqualTo("S13 Cold, Cough, Flu - Influenza");
            assertThat(end.quoted()[6]).isTrue();
            assertThat(end.quoted()[4]).isFalse();
            assertThat(end.terminator()).isEqualTo("\r");
            assertThat(end.recordNumber()).isEqualTo(4);
        }
    }

    @Test
    void malformedQuotingIsReportedNotThrown() {
        ValidationReport r = validate(Samples.AB, AB.replace("\"Sickness\",\"S12", "\"Sick\"ness\",\"S12"));
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.REJECTED_VALUE);
        assertThat(r.firstIssue().line()).isEqualTo(3);
        assertThat(r.firstIssue().message()).contains("malformed quoting");
    }

    /** Found by the reliability harness's inbound fuzzing: a quoting error was rejected without naming its field. */
    @Test
    void malformedQuotingNamesTheFieldWhereItWentWrong() {
        ValidationReport inName = validate(Samples.AB, AB.replace("\"Sickness\",\"S12", "\"Sick\"ness\",\"S12"));
        assertThat(inName.firstIssue().fieldName())
                .isEqualTo("Absence Type");
        ValidationReport inNumber = validate(Samples.TA, TA.replace(",20000001-2,", ",2000\"0001-2,"));
        assertThat(inNumber.outcome()).isEqualTo(ValidationOutcome.REJECTED_VALUE);
        assertThat(inNumber.firstIssue().line()).isEqualTo(3);
        assertThat(inNumber.firstIssue().fieldName()).isEqualTo("Assignment Number");
        ValidationReport unclosed = validate(Samples.TA, TA.replace(",20000001-2,", ",\"20000001-2,"));
        assertThat(unclosed.firstIssue().fieldName()).isEqualTo("Assignment Number");
        ValidationReport inHeader = validate(Samples.TA, TA.replace(",PWH,123,", ",P\"WH,123,"));
        assertThat(inHeader.issues()).anySatisfy(issue -> {
            assertThat(issue.message()).contains("malformed quoting");
            assertThat(issue.fieldName()).isEqualTo("Source System Code");
        });
    }
}
