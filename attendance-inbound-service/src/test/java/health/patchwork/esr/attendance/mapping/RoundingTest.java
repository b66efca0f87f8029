package health.patchwork.esr.attendance.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rounding of an input value (docs/spec/inbound-files.md §2.1), on halves, fractions and negatives. */
class RoundingTest {

    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
            "NONE, 2.345, 2.35", "NONE, 7.5, 7.50", "NONE, -2.345, -2.35",
            "UP, 2.1, 3", "UP, 2.0, 2", "UP, -2.5, -2",
            "DOWN, 2.9, 2", "DOWN, -2.5, -3",
            "NEAREST, 2.5, 3", "NEAREST, 2.49, 2", "NEAREST, 7.75, 8", "NEAREST, 0.5, 1", "NEAREST, -2.5, -3",
            "NEAREST, 3, 3"})
    void roundsAsNamed(Rounding rounding, String value, String expected) {
        assertThat(rounding.apply(new BigDecimal(value), ValueFormat.DECIMAL_2)).isEqualTo(new BigDecimal(expected));
    }
}
