package health.patchwork.esr.formats.calendar;

import java.util.Optional;

/** Payroll frequency: {@code <T>} in inbound file names and HDR field 5. */
public enum PeriodType {
    WEEKLY('W', 53),
    FORTNIGHTLY('F', 27),
    LUNAR('L', 13),
    MONTHLY('M', 12);

    private final char code;
    private final int maxPeriod;

    PeriodType(char code, int maxPeriod) {
        this.code = code;
        this.maxPeriod = maxPeriod;
    }

    public char code() {
        return code;
    }

    /** Highest period number in a tax year. */
    public int maxPeriod() {
        return maxPeriod;
    }

    public static Optional<PeriodType> fromCode(char code) {
        for (PeriodType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
