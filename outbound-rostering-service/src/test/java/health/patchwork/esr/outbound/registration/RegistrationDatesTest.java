package health.patchwork.esr.outbound.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "04/06/2018 00:00:00 | 2018-06-04",
            "04/06/2018 23:59    | 2018-06-04",
            "04/06/2018          | 2018-06-04",
            "4/6/2018            | 2018-06-04",
            "'  31/12/2026 '     | 2026-12-31",
            "29/02/2024          | 2024-02-29",
            "29/02/2026          | null",
            "2018-06-04          | null",
            "06/2018             | null",
            "04/06/18            | null",
            "''                  | null"})
    void readsDayMonthYearWithAnOptionalTime(String text, LocalDate expected) {
        assertThat(RegistrationDates.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = "null")
    void nullIsNull(String text) {
        assertThat(RegistrationDates.parse(text)).isNull();
    }
}
