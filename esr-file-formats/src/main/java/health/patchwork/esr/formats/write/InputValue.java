package health.patchwork.esr.formats.write;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One ATT input value: its name (written in quotes) and a value written by type: BigDecimal as an amount
 * {@code 0.00}, LocalDate as {@code dd-MMM-yyyy}, Long as plain digits, String as is (unquoted), null empty.
 */
public record InputValue(String name, Object value) {

    public InputValue {
        Objects.requireNonNull(name, "name");
        if (value != null && !(value instanceof BigDecimal || value instanceof LocalDate || value instanceof Long
                || value instanceof String)) {
            throw new IllegalArgumentException("input value must be BigDecimal, LocalDate, Long or String");
        }
    }

    public static InputValue amount(String name, BigDecimal value) {
        return new InputValue(name, value);
    }

    public static InputValue date(String name, LocalDate value) {
        return new InputValue(name, value);
    }

    public static InputValue whole(String name, long value) {
        return new InputValue(name, value);
    }

    public static InputValue text(String name, String value) {
        return new InputValue(name, value);
    }
}
