package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationOutcome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundWriterRulesTest {

    private static AttendanceRow row(String element, InputValue... values) {
        return new AttendanceRow(SampleInboundRows.EFFECTIVE, null, "20000001", LocalDate.of(2026, 9, 7), element,
                List.of(values), null);
    }

    private static String write(InboundWriterOptions options, AttendanceRow... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendanceFileWriter w = AttendanceFileWriter.open(out, SampleInboundRows.TA_NAME,
                SampleInboundRows.TA_CREATED, options)) {
            for (AttendanceRow r : rows) {
                w.write(r, "src-1");
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String attRecord(String file) {
        return file.split("\r")[1];
    }

    @Test
    void septemberIsSepAndAmountsHaveTwoDecimals() {
        String file = write(InboundWriterOptions.defaults(), row("Overtime",
                InputValue.amount("Hours", new BigDecimal("7.505")), InputValue.date("Date Worked", LocalDate.of(2026, 9, 7)),
                InputValue.amount("Rate", new BigDecimal("-0.5")), InputValue.whole("Miles", 12)));

        assertThat(attRecord(file)).startsWith(
                "ATT,20261103,ADD,,20000001,20260907,\"Overtime\",\"Hours\",7.51,\"Date Worked\",07-Sep-2026,"
                        + "\"Rate\",-0.50,\"Miles\",12,,");
        assertThat(attRecord(file).split(",", -1)).hasSize(43);
    }

    @Test
    void negatedCountsAndNumberLikeTextAreWritten() {
        String file = write(InboundWriterOptions.defaults(), row("Mileage", InputValue.whole("Miles", -12),
                InputValue.text("Reference", "20000001-2"), InputValue.text("Code", "A1.5")));
        assertThat(attRecord(file)).contains("\"Miles\",-12,\"Reference\",20000001-2,\"Code\",A1.5,");
    }

    @Test
    void rowsWhoseNumericValuesAreAllZeroAreNotWritten() {
        assertThatThrownBy(() -> write(InboundWriterOptions.defaults(), row("Overtime",
                InputValue.amount("Hours", new BigDecimal("0.004")), InputValue.whole("Miles", 0),
                InputValue.date("Date Worked", LocalDate.of(2026, 9, 7)))))
                .isInstanceOfSatisfying(EsrFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ErrorReason.INVALID_VALUE))
                .hasMessageContaining("zero");
        assertThat(write(InboundWriterOptions.defaults(), row("Note", InputValue.text("Text", "x")))).contains("FTR,1,0");
    }

    @Test
    void roundingIsConfigurable() {
        String down = write(InboundWriterOptions.defaults().withRounding(RoundingMode.DOWN),
                row("Overtime", InputValue.amount("Hours", new BigDecimal("7.509"))));
        assertThat(attRecord(down)).contains("\"Hours\",7.50,");

        assertThatThrownBy(() -> write(InboundWriterOptions.defaults().withRounding(RoundingMode.UNNECESSARY),
                row("Overtime", InputValue.amount("Hours", new BigDecimal("7.509")))))
                .isInstanceOfSatisfying(EsrFormatException.class,
                        e -> assertThat(e.fieldName()).isEqualTo("Input Value 1 Value"));
    }

    @Test
    void fortyColumnsAndTerminatedLastRecordAreConfigurable() {
        String file = write(InboundWriterOptions.defaults().withAttColumnCount(40).withRecordSeparator("\r", true),
                row("Overtime", InputValue.amount("Hours", BigDecimal.ONE)));
        assertThat(attRecord(file).split(",", -1)).hasSize(40);
        assertThat(file).endsWith("FTR,1,0\r");

        assertThatThrownBy(() -> write(InboundWriterOptions.defaults().withAttColumnCount(40),
                new AttendanceRow(SampleInboundRows.EFFECTIVE, null, "20000001", null, "Overtime", List.of(),
                        new Costing(null, null, null, "51210", null, null))))
                .isInstanceOf(EsrFormatException.class);
    }

    @Test
    void forbiddenCharactersRejectTheRowNamingRecordFieldAndSourceIdButNotTheValue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendanceFileWriter w = AttendanceFileWriter.open(out, SampleInboundRows.TA_NAME,
                SampleInboundRows.TA_CREATED, InboundWriterOptions.defaults())) {
            w.write(row("Overtime", InputValue.amount("Hours", BigDecimal.ONE)), "ok-1");

            assertThatThrownBy(() -> w.write(row("Over\"time"), "shift-42/OT"))
                    .isInstanceOfSatisfying(EsrFormatException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ErrorReason.INVALID_CHARACTER);
                        assertThat(e.recordType()).isEqualTo("ATT");
                        assertThat(e.fieldName()).isEqualTo("Element Name");
                        assertThat(e.lineNumber()).isEqualTo(3);
                        assertThat(e.fileName()).isEqualTo(SampleInboundRows.TA_NAME.format());
                    })
                    .hasMessageContaining("shift-42/OT")
                    .hasMessageContaining("double quote")
                    .hasMessageNotContaining("Over\"time");
            assertThatThrownBy(() -> w.write(row("Overtime", InputValue.text("Note", "Zo\u0142")), "s2"))
                    .isInstanceOfSatisfying(EsrFormatException.class,
                            e -> assertThat(e.fieldName()).isEqualTo("Input Value 1 Value"))
                    .hasMessageContaining("outside ISO-8859-1");
            assertThatThrownBy(() -> w.write(row("Over\ntime"), "s3")).hasMessageContaining("line break");
            assertThatThrownBy(() -> w.write(new AttendanceRow(SampleInboundRows.EFFECTIVE, null, "2000,0001", null,
                    "Overtime", List.of(), null), "s4")).hasMessageContaining("comma");
            assertThatThrownBy(() -> w.write(row(" Overtime"), "s5")).hasMessageContaining("spaces");
            assertThatThrownBy(() -> w.write(new AttendanceRow(SampleInboundRows.EFFECTIVE, null, null, null,
                    "Overtime", List.of(), null), "s6"))
                    .isInstanceOfSatisfying(EsrFormatException.class,
                            e -> assertThat(e.reason()).isEqualTo(ErrorReason.MISSING_VALUE));

            w.write(row("Overtime, weekend", InputValue.amount("Hours", BigDecimal.TEN)), "ok-2");
        }
        String file = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(file).endsWith("FTR,2,0");
        assertThat(new InboundFileValidator(InboundValidationOptions.forVpd("123"))
                .validate(new ByteArrayInputStream(out.toByteArray()), SampleInboundRows.TA_NAME.format()).outcome())
                .isEqualTo(ValidationOutcome.VALID);
    }

    @Test
    void transliterationIsAppliedBeforeTheCharacterCheck() {
        String file = write(InboundWriterOptions.defaults().withTransliteration(Map.of('\u2019', "'", '\u0142', "l")),
                row("Matron\u2019s Round", InputValue.text("Note", "Zo\u0142")));
        assertThat(attRecord(file)).contains("\"Matron's Round\"").contains("\"Note\",Zol,");
    }

    @Test
    void inputValuesAreLimitedToFifteenWithNames() {
        InputValue[] sixteen = new InputValue[16];
        for (int i = 0; i < 16; i++) {
            sixteen[i] = InputValue.whole("V" + i, i);
        }
        assertThatThrownBy(() -> write(InboundWriterOptions.defaults(), row("Overtime", sixteen)))
                .isInstanceOf(EsrFormatException.class);
        assertThatThrownBy(() -> write(InboundWriterOptions.defaults(), row("Overtime", InputValue.whole("", 1))))
                .isInstanceOfSatisfying(EsrFormatException.class,
                        e -> assertThat(e.fieldName()).isEqualTo("Input Value 1 Name"));
    }

    @Test
    void absenceRowsFollowThePresenceRulesOfTheirOperation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AbsenceFileWriter w = AbsenceFileWriter.open(out, SampleInboundRows.AB_NAME, SampleInboundRows.AB_CREATED,
                InboundWriterOptions.defaults())) {
            AbsenceRow ok = SampleInboundRows.absences().get(0);
            AbsenceRow noReference = new AbsenceRow(ok.effectiveDate(), ok.operation(), null, ok.assignmentNumber(),
                    ok.absenceType(), null, ok.startDate(), ok.startTime(), ok.endDate(), ok.endTime(), null,
                    ok.durationHours(), "H", null, null, false, null, null, null);
            assertThatThrownBy(() -> w.write(noReference, "abs-9"))
                    .isInstanceOfSatisfying(EsrFormatException.class, e -> {
                        assertThat(e.fieldName()).isEqualTo("Third Party System Reference");
                        assertThat(e.recordType()).isEqualTo("ABS");
                    }).hasMessageContaining("abs-9");
            AbsenceRow wrongFlag = new AbsenceRow(ok.effectiveDate(), ok.operation(), null, ok.assignmentNumber(),
                    ok.absenceType(), null, ok.startDate(), null, null, null, null, ok.durationHours(), "H", null,
                    null, false, null, "PWH-A1", null);
            assertThatThrownBy(() -> w.write(wrongFlag, "abs-10")).isInstanceOfSatisfying(EsrFormatException.class,
                    e -> assertThat(e.fieldName()).isEqualTo("Open Ended Flag"));
            w.write(ok, "abs-1");
        }
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).endsWith("FTR,1,0");
    }

    @Test
    void writesAHundredThousandRowsThatValidate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(20 << 20);
        try (AttendanceFileWriter w = AttendanceFileWriter.open(out, SampleInboundRows.TA_NAME,
                SampleInboundRows.TA_CREATED, InboundWriterOptions.defaults())) {
            for (int i = 0; i < 100_000; i++) {
                w.write(row("Bank Hours Worked", InputValue.amount("Hours", BigDecimal.valueOf(1 + i % 1300, 2)),
                        InputValue.date("Date Worked", LocalDate.of(2026, 1, 1).plusDays(i % 365))), "item-" + i);
            }
        }
        var report = new InboundFileValidator(InboundValidationOptions.forVpd("123"))
                .validate(new ByteArrayInputStream(out.toByteArray()), SampleInboundRows.TA_NAME.format());
        assertThat(report.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(report.count("ATT")).isEqualTo(100_000);
    }
}
