package health.patchwork.esr.absence.period;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxCalendar;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.inbound.InboundFileSettings;

import org.springframework.stereotype.Component;

/**
 * Payroll periods of the Trust's absence feed (docs/spec/inbound-files.md §1.3). A period is named by its type, tax year
 * and number as in AB file names, e.g. {@code M2708} (monthly, 2026/27, period 8 = November); inside the service it is
 * the key {@code YY * 100 + PP}, which orders periods (two-digit years: good until 2099).
 */
@Component
public class PayrollPeriods {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("([WFLM])(\\d{2})(\\d{2})");

    private final PeriodType type;
    private final TaxCalendar calendar = TaxCalendar.standard();

    public PayrollPeriods(InboundFileSettings settings) {
        this.type = PeriodType.fromCode(settings.periodType().charAt(0)).orElseThrow();
    }

    public PeriodType type() {
        return type;
    }

    public int keyOf(LocalDate date) {
        return key(calendar.periodOf(date, type));
    }

    /** The period before the one {@code date} is in. */
    public int previousKey(LocalDate date) {
        int current = keyOf(date);
        LocalDate d = date;
        while (keyOf(d) == current) {
            d = d.minusDays(1);
        }
        return keyOf(d);
    }

    /** The key of an id such as {@code M2708}, if it is well-formed and of this Trust's period type. */
    public Optional<Integer> parse(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches() || m.group(1).charAt(0) != type.code()) {
            return Optional.empty();
        }
        int period = Integer.parseInt(m.group(3));
        if (period < 1 || period > type.maxPeriod()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(2)) * 100 + period);
    }

    public String id(int key) {
        return type.code() + String.format("%04d", key);
    }

    public static TaxPeriod taxPeriod(int key) {
        return new TaxPeriod(key / 100, key % 100);
    }

    static int key(TaxPeriod period) {
        return period.taxYear() * 100 + period.period();
    }

    /** What a bad period id must look like, for error messages. */
    public String expectedForm() {
        return "must be a payroll period such as " + type.code() + "2708 (type " + type.code()
                + ", tax year ending 2027, period 08)";
    }
}
