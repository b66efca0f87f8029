package health.patchwork.esr.attendance.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.formats.write.AttendanceRow;
import health.patchwork.esr.formats.write.InputValue;

import org.junit.jupiter.api.Test;

class PayCodesTest {

    static final PayCodes PAY_CODES = new PayCodes(new PayCodeSettings(Map.of(
            "MILEAGE", new PayCodeMapping("Mileage Claim", List.of(
                    new InputValueMapping("Miles", "UNITS", ValueFormat.INTEGER, Rounding.UP),
                    new InputValueMapping("Rate", "RATE", null, Rounding.NONE),
                    new InputValueMapping("Reason", "CONSTANT:Community visits", null, Rounding.NONE),
                    new InputValueMapping("Reference", "LINE_ID", null, Rounding.NONE)),
                    new BigDecimal("0.01"), new BigDecimal("500"), false),
            "OT", new PayCodeMapping("Overtime", List.of(
                    new InputValueMapping("Hours", "HOURS", null, Rounding.DOWN),
                    new InputValueMapping("Date Worked", "WORK_DATE", null, Rounding.NONE)),
                    new BigDecimal("0.01"), new BigDecimal("24"), true))));

    static ClaimValues claim(String payCode, String quantity, String rate) {
        return new ClaimValues("shift-1/M", "20000001", LocalDate.parse("2026-10-24"), payCode,
                new BigDecimal(quantity), rate == null ? null : new BigDecimal(rate), null, "123A7200");
    }

    @Test
    void inputValuesFollowTheMappingInOrderWithTheirRounding() {
        AttendanceRow row = PAY_CODES.row(claim("MILEAGE", "12.2", "0.5678"), LocalDate.parse("2026-11-03"), false);

        assertThat(row.elementName()).isEqualTo("Mileage Claim");
        assertThat(row.inputValues()).extracting(InputValue::name, InputValue::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Miles", 13L),
                org.assertj.core.groups.Tuple.tuple("Rate", new BigDecimal("0.57")),
                org.assertj.core.groups.Tuple.tuple("Reason", "Community visits"),
                org.assertj.core.groups.Tuple.tuple("Reference", "shift-1/M"));
        assertThat(row.costing().costCentre()).isEqualTo("123A7200");
        assertThat(row.earnedDate()).isEqualTo(LocalDate.parse("2026-10-24"));
        assertThat(row.effectiveDate()).isEqualTo(LocalDate.parse("2026-11-03"));
    }

    @Test
    void aReversalNegatesExactlyWhatWasSentAndKeepsEverythingElse() {
        AttendanceRow sent = PAY_CODES.row(claim("MILEAGE", "12.2", "0.5678"), LocalDate.parse("2026-11-03"), false);
        AttendanceRow reversal = PAY_CODES.row(claim("MILEAGE", "12.2", "0.5678"), LocalDate.parse("2026-12-03"), true);

        assertThat(reversal.inputValues()).extracting(InputValue::value)
                .containsExactly(-13L, new BigDecimal("-0.57"), "Community visits", "shift-1/M");
        assertThat(reversal.elementName()).isEqualTo(sent.elementName());
        assertThat(reversal.assignmentNumber()).isEqualTo(sent.assignmentNumber());
        assertThat(reversal.earnedDate()).isEqualTo(sent.earnedDate());
    }

    @Test
    void aClaimWhoseNumbersRoundToZeroIsRecognised() {
        assertThat(PAY_CODES.allNumericZero(claim("OT", "0.75", null))).isTrue();
        assertThat(PAY_CODES.allNumericZero(claim("OT", "1.75", null))).isFalse();
    }
}
