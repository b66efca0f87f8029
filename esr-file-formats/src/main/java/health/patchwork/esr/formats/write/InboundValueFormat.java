package health.patchwork.esr.formats.write;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Inbound value formats (docs/spec/inbound-files.md §1.1), built by hand: month abbreviations are fixed English
 * three-letter forms, whatever the JDK's locale data says (newer JDKs give "Sept" for Locale.UK).
 */
public final class InboundValueFormat {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private InboundValueFormat() {
    }

    /** {@code YYYYMMDD}. */
    public static String date(LocalDate d) {
        StringBuilder sb = new StringBuilder(8);
        pad(sb, d.getYear(), 4);
        pad(sb, d.getMonthValue(), 2);
        pad(sb, d.getDayOfMonth(), 2);
        return sb.toString();
    }

    /** {@code dd-MMM-yyyy}, e.g. 07-Nov-2026. */
    public static String inputDate(LocalDate d) {
        StringBuilder sb = new StringBuilder(11);
        pad(sb, d.getDayOfMonth(), 2);
        sb.append('-').append(MONTHS[d.getMonthValue() - 1]).append('-');
        pad(sb, d.getYear(), 4);
        return sb.toString();
    }

    /** {@code YYYYMMDDHHMMSS}. */
    public static String compactTimestamp(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(14).append(date(t.toLocalDate()));
        pad(sb, t.getHour(), 2);
        pad(sb, t.getMinute(), 2);
        pad(sb, t.getSecond(), 2);
        return sb.toString();
    }

    /** {@code HH:MM}. */
    public static String time(LocalTime t) {
        StringBuilder sb = new StringBuilder(5);
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        return sb.toString();
    }

    /**
     * {@code 0.00}: exactly two decimals, leading {@code -} for negatives, no thousands separators.
     *
     * @throws ArithmeticException when {@code rounding} is UNNECESSARY and the value has more decimals
     */
    public static String amount(BigDecimal v, RoundingMode rounding) {
        return v.setScale(2, rounding).toPlainString();
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
