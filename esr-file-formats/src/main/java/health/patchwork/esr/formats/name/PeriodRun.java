package health.patchwork.esr.formats.name;

import java.util.Optional;

/** {@code <R>} of inbound file names: normal or supplementary payroll run. */
public enum PeriodRun {
    NORMAL('N'),
    SUPPLEMENTARY('S');

    private final char code;

    PeriodRun(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Optional<PeriodRun> fromCode(char c) {
        return c == 'N' ? Optional.of(NORMAL) : c == 'S' ? Optional.of(SUPPLEMENTARY) : Optional.empty();
    }
}
