package health.patchwork.esr.support.payroll;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Trust's ESR payrolls ({@code esr.payrolls.<name>.*}), each with its own calendar, cut-offs and files: a Trust
 * pays bank staff weekly and substantive staff monthly, through separate payrolls. A line goes to the payroll of its
 * assignment on the date worked (ASA field 11, Payroll Name, as outbound publishes it). None configured: the
 * service's single payroll of today ({@code esr.inbound.period-type} and the service's own calendar settings) takes
 * every line, whatever its assignment's payroll.
 *
 * @param payrolls by name: ESR's Payroll Name (e.g. {@code "[123 Weekly Bank]"} in YAML, brackets keeping the space)
 *                 unless {@code esr-name} gives it
 */
@Validated
@ConfigurationProperties("esr")
public record PayrollSettings(@DefaultValue Map<String, @NotNull @Valid Payroll> payrolls) {

    /** Bean-validation property "payrolls": two entries may not claim the same ESR payroll. */
    @AssertTrue(message = "two payrolls have the same ESR name")
    public boolean isPayrolls() {
        Set<String> seen = new HashSet<>();
        return payrolls == null || payrolls.entrySet().stream()
                .allMatch(e -> e.getValue() == null || seen.add(normalised(e.getValue().esrName(e.getKey()))));
    }

    static String normalised(String esrName) {
        return esrName.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * One payroll.
     *
     * @param esrName              ESR's Payroll Name as ASA field 11 carries it, when the map key cannot (an
     *                             environment variable cannot hold a space); default: the key
     * @param periodType           W weekly, F fortnightly, L lunar (four-weekly) or M monthly: {@code <T>} of its files
     * @param cutOff               the cut-off rule of its periods
     * @param lateLinesAcceptedFor how long after a cut-off late lines still go into a supplementary run of the period;
     *                             after that the period is closed
     * @param timetable            explicit periods, overriding the rule for the dates they cover: the payroll's
     *                             published timetable, or a cut-off a bank holiday moved
     * @param closedPeriods        periods ({@code YYPP}) ESR will take nothing more for, supplementary runs included:
     *                             a late line for one goes into the next open period, and says so
     */
    public record Payroll(
            String esrName,
            @NotNull @Pattern(regexp = "[WFLM]", message = "must be W, F, L or M") String periodType,
            @DefaultValue @NotNull @Valid CutOff cutOff,
            @DefaultValue("92d") @NotNull Duration lateLinesAcceptedFor,
            @DefaultValue List<@NotNull @Valid TimetableEntry> timetable,
            @DefaultValue List<@NotNull @Pattern(regexp = "\\d{4}", message = "must be YYPP, e.g. 2708")
                    String> closedPeriods) {

        /** ESR's name of the payroll configured under {@code key}. */
        public String esrName(String key) {
            return esrName == null || esrName.isBlank() ? key : esrName;
        }

        /** Bean-validation property "closedPeriods": each names a period the payroll's type has. */
        @AssertTrue(message = "a period is beyond the number of periods in a tax year for the period type")
        public boolean isClosedPeriods() {
            int max = maxPeriod();
            return closedPeriods == null || max == 0 || closedPeriods.stream().allMatch(p -> p == null
                    || !p.matches("\\d{4}") || (Integer.parseInt(p.substring(2)) >= 1
                    && Integer.parseInt(p.substring(2)) <= max));
        }

        private int maxPeriod() {
            return periodType == null || periodType.length() != 1 ? 0
                    : health.patchwork.esr.formats.calendar.PeriodType.fromCode(periodType.charAt(0))
                            .map(health.patchwork.esr.formats.calendar.PeriodType::maxPeriod).orElse(0);
        }

        /** Bean-validation property "timetable": entries may not overlap. */
        @AssertTrue(message = "entries overlap")
        public boolean isTimetable() {
            if (timetable == null) {
                return true;
            }
            List<TimetableEntry> sorted = timetable.stream().filter(e -> e != null && e.from() != null
                    && e.to() != null).sorted(java.util.Comparator.comparing(TimetableEntry::from)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (!sorted.get(i).from().isAfter(sorted.get(i - 1).to())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The rule that cuts a period off: {@code days-after-period-end} days after its last day worked, at {@code time}
     * UK time. A weekly bank payroll finalised by Monday morning for a week ending on Sunday: 1 day, 09:00.
     *
     * @param daysAfterPeriodEnd days from a work period's last day to its cut-off (0–6)
     * @param time               time of day of the cut-off, UK local time
     */
    public record CutOff(@DefaultValue("3") @Min(0) @Max(6) int daysAfterPeriodEnd,
                         @DefaultValue("09:30") @NotNull LocalTime time) {
    }

    /**
     * One explicit period of a payroll's timetable.
     *
     * @param from    first date worked in the period
     * @param to      last date worked in the period
     * @param taxYear YY of the files the period's lines go into
     * @param period  PP of those files
     * @param cutOff  when the period is cut off, UK local time
     */
    public record TimetableEntry(@NotNull LocalDate from, @NotNull LocalDate to, @Min(0) @Max(99) int taxYear,
                                 @Min(1) @Max(53) int period, @NotNull LocalDateTime cutOff) {

        /** Bean-validation property "to". */
        @AssertTrue(message = "must not be before from")
        public boolean isTo() {
            return from == null || to == null || !to.isBefore(from);
        }

        /** Bean-validation property "cutOff". */
        @AssertTrue(message = "must be after the period's last day")
        public boolean isCutOff() {
            return to == null || cutOff == null || cutOff.toLocalDate().isAfter(to);
        }
    }
}
