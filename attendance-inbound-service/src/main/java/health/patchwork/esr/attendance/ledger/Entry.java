package health.patchwork.esr.attendance.ledger;

import java.math.BigDecimal;

import health.patchwork.esr.formats.calendar.TaxPeriod;

/**
 * One ATT row of a line as read for its status.
 *
 * @param fileId the file that carried it; null while it is pending
 * @param rowNumber its row in that file, when read with row numbers and sent; else null
 */
public record Entry(String lineId, EntryKind kind, Long fileId, Integer rowNumber, TaxPeriod period,
                    BigDecimal quantity, BigDecimal rate, BigDecimal amount) {

    /** Not in a file yet: the next export of its period takes it. */
    public boolean pending() {
        return fileId == null;
    }
}
