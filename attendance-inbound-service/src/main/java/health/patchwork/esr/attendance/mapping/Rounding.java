package health.patchwork.esr.attendance.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding of a numeric input value, configured per input value (docs/spec/inbound-files.md §2.1). */
public enum Rounding {
    /** Kept to 2 decimals (half up). */
    NONE,
    /** Up to a whole number. */
    UP,
    /** Down to a whole number. */
    DOWN,
    /** To the nearest whole number, a half away from zero (2.5 to 3, -2.5 to -3): what "rounded" means on a payslip. */
    NEAREST;

    public BigDecimal apply(BigDecimal value, ValueFormat format) {
        return switch (this) {
            case NONE -> format == ValueFormat.INTEGER ? value.setScale(0, RoundingMode.HALF_UP)
                    : value.setScale(2, RoundingMode.HALF_UP);
            case UP -> value.setScale(0, RoundingMode.CEILING);
            case DOWN -> value.setScale(0, RoundingMode.FLOOR);
            case NEAREST -> value.setScale(0, RoundingMode.HALF_UP);
        };
    }
}
