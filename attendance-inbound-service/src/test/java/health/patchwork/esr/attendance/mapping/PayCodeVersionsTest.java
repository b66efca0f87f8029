package health.patchwork.esr.attendance.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.formats.write.AttendanceRow;
import health.patchwork.esr.formats.write.InputValue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A claim is written, and reversed, with the mapping it was accepted under, whatever the configuration says now. */
@ServiceTest
class PayCodeVersionsTest {

    @Autowired
    JdbcClient jdbc;

    static PayCodeSettings settings(String element, Rounding rounding) {
        return new PayCodeSettings(Map.of("VERSIONED", new PayCodeMapping(element, List.of(
                new InputValueMapping("Hours", "HOURS", null, rounding),
                new InputValueMapping("Date Worked", "WORK_DATE", null, Rounding.NONE)),
                new BigDecimal("0.01"), new BigDecimal("24"), true)));
    }

    @Test
    void aReversalAfterTheMappingChangedRepeatsWhatWasSent() {
        PayCodeVersions before = new PayCodeVersions(settings("Overtime Old Name", Rounding.NONE), jdbc);
        long sentUnder = before.currentId("VERSIONED");
        PayCodeSettings changed = settings("Overtime New Name", Rounding.UP);
        PayCodeVersions after = new PayCodeVersions(changed, jdbc);
        PayCodes payCodes = new PayCodes(changed, false, after);
        ClaimValues claim = new ClaimValues("V1", "20000001", LocalDate.parse("2026-10-24"), "VERSIONED",
                new BigDecimal("7.25"), null, null, null);

        AttendanceRow reversal = payCodes.row(claim, sentUnder, LocalDate.parse("2026-12-03"), true);
        AttendanceRow fresh = payCodes.row(claim, after.currentId("VERSIONED"), LocalDate.parse("2026-12-03"), false);

        assertThat(after.currentId("VERSIONED")).isNotEqualTo(sentUnder);
        assertThat(new PayCodeVersions(settings("Overtime Old Name", Rounding.NONE), jdbc).currentId("VERSIONED"))
                .as("the same mapping is recorded once").isEqualTo(sentUnder);
        assertThat(reversal.elementName()).isEqualTo("Overtime Old Name");
        assertThat(reversal.inputValues()).extracting(InputValue::value)
                .containsExactly(new BigDecimal("-7.25"), LocalDate.parse("2026-10-24"));
        assertThat(fresh.elementName()).isEqualTo("Overtime New Name");
        assertThat(fresh.inputValues().get(0).value()).isEqualTo(new BigDecimal("8"));
    }
}
