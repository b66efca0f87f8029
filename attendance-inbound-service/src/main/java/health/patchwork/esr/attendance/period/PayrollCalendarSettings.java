package health.patchwork.esr.attendance.period;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Trust's payroll calendar. The period type is {@code esr.inbound.period-type}. A line's work period follows
 * from the date worked (docs/spec/inbound-files.md §1.3); that period is cut off {@code cut-off-days-after-period-end} days
 * after its last day at {@code cut-off-time} (UK time), and its lines go into the TA file of the payroll period the
 * cut-off falls in: with the defaults, October's shifts are cut off on 3 November at 09:30 and sent as {@code MN..08}.
 * Explicit {@code periods} entries override the formulas for the dates they cover.
 *
 * @param cutOffDaysAfterPeriodEnd days from a work period's last day to its cut-off (0–6)
 * @param cutOffTime time of day of the cut-off, UK local time
 * @param lateLinesAcceptedFor how long after a cut-off late lines are still taken (into supplementary runs); after
 *                             that the period is closed and lines for it are rejected
 * @param periods explicit periods (optional), e.g. a Trust's published payroll timetable
 */
@Validated
@ConfigurationProperties("esr.attendance.calendar")
public record PayrollCalendarSettings(
        @DefaultValue("3") @Min(0) @Max(6) int cutOffDaysAfterPeriodEnd,
        @DefaultValue("09:30") @NotNull LocalTime cutOffTime,
        @DefaultValue("92d") @NotNull Duration lateLinesAcceptedFor,
        @DefaultValue List<@NotNull @Valid Period> periods) {

    /**
     * One explicit period.
     *
     * @param from first date worked in the period
     * @param to last date worked in the period
     * @param taxYear YY of the TA file the period's lines go into
     * @param period PP of that file
     * @param cutOff when the period is cut off, UK local time
     */
    public record Period(@NotNull LocalDate from, @NotNull LocalDate to, @Min(0) @Max(99) int taxYear,
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
