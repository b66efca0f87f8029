package health.patchwork.esr.attendance.intake;

import java.util.Optional;
import java.util.function.UnaryOperator;

import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.support.payroll.PayDate;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.web.FieldError;

import org.springframework.stereotype.Component;

/**
 * Where a line whose fields passed goes, once its assignment has been read: the assignment must be active on the date
 * worked, its payroll on that date one the service is set up for, and the period still open; then the line gets its
 * pay date (payroll, period, run, cut-off, lateness).
 */
@Component
class LinePlacement {

    /** The line with its pay date, or the error that refuses it; a warning may come with an accepted line. */
    record Placed(CheckedLine line, FieldError error, FieldError warning) {

        boolean accepted() {
            return error == null;
        }
    }

    private final PayDates payDates;

    LinePlacement(PayDates payDates) {
        this.payDates = payDates;
    }

    /** A function placing the lines of one batch, or one correction (which may concern a closed period). */
    Placer placer(boolean correction) {
        return new Placer(payDates.runsAsSent(), correction);
    }

    final class Placer {

        private final UnaryOperator<PayDate> runsAsSent;
        private final boolean correction;

        private Placer(UnaryOperator<PayDate> runsAsSent, boolean correction) {
            this.runsAsSent = runsAsSent;
            this.correction = correction;
        }

        Placed place(CheckedLine line, AssignmentDirectory.Found found, String path) {
            if (found == null || !found.active()) {
                return refused(line, found != null && found.standing() == AssignmentDirectory.Standing.INACTIVE
                        ? LineValidator.error(path, "assignmentNumber", "is not active on dateWorked")
                        : LineValidator.error(path, "assignmentNumber", "is not a known assignment"));
            }
            Optional<PayrollCalendar> payroll = payDates.forAssignment(found.payrollName());
            if (payroll.isEmpty()) {
                // a payroll name is not personal data: it names the payroll, not the worker
                return refused(line, LineValidator.error(path, "assignmentNumber", found.payrollName() == null
                        ? "has no ESR payroll on dateWorked, and lines go to the payroll of their assignment"
                        : "is on ESR payroll '" + found.payrollName() + "' on dateWorked, which esr.payrolls does"
                                + " not configure"));
            }
            Optional<PayDate> date = correction
                    ? Optional.of(payDates.correctionPayDate(payroll.get(), line.values().earnedDate()))
                    : payDates.payDate(payroll.get(), line.values().earnedDate());
            if (date.isEmpty()) {
                return refused(line, LineValidator.error(path, "dateWorked", "is in a closed payroll period"));
            }
            FieldError warning = found.standing() == AssignmentDirectory.Standing.ACTIVE_WITHOUT_TA_FLAG
                    ? LineValidator.error(path, "assignmentNumber",
                            "has its T&A flag unset in ESR: ESR may not take time for it")
                    : null;
            return new Placed(line.paid(runsAsSent.apply(date.get())), null, warning);
        }

        private static Placed refused(CheckedLine line, FieldError error) {
            return new Placed(line, error, null);
        }
    }
}
