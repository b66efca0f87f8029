package health.patchwork.esr.formats.calendar;

/**
 * A payroll period: {@code <YY><PP>} of inbound file names.
 *
 * @param taxYear two-digit year in which the tax year ends (2026/27 → 27)
 * @param period  period number within the tax year, 1-based
 */
public record TaxPeriod(int taxYear, int period) {

    public TaxPeriod {
        if (taxYear < 0 || taxYear > 99) {
            throw new IllegalArgumentException("tax year must be two digits");
        }
        if (period < 1 || period > 99) {
            throw new IllegalArgumentException("period must be 1..99");
        }
    }

    /** "27". */
    public String yy() {
        return twoDigits(taxYear);
    }

    /** "08". */
    public String pp() {
        return twoDigits(period);
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
