package health.patchwork.esr.attendance.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import health.patchwork.esr.formats.calendar.TaxPeriod;

/**
 * One ATT row of a line as read for its status.
 *
 * @param fileId the file that carried it; null while it is pending
 * @param rowNumber its row in that file, when read with row numbers and sent; else null
 * @param payroll ESR's name of its payroll; null for the single payroll of a deployment without payroll settings
 * @param cutOff when the normal run of its period is cut off
 * @param dateWorked the date worked of the line it came from
 * @param check what the checks before a file goes found for it: held (pending only) or a warning; null for nothing
 */
public record Entry(String lineId, EntryKind kind, Long fileId, Integer rowNumber, TaxPeriod period,
                    BigDecimal quantity, BigDecimal rate, BigDecimal amount, String payroll, Instant cutOff,
                    LocalDate dateWorked, CheckMark check) {

    /** Pending, and held out of files by a check. */
    public boolean held() {
        return pending() && check != null && check.held();
    }

    /** Not in a file yet: the next export of its period takes it. */
    public boolean pending() {
        return fileId == null;
    }
}
