package health.patchwork.esr.absence.status;

import java.time.Instant;
import java.util.List;

/**
 * The status of one absence.
 *
 * @param period the payroll period of the absence's start, e.g. {@code M2708}, whose file first carries it
 * @param payroll ESR's name of the payroll the absence goes to where the Trust configures several; null for its one
 *                payroll
 * @param changesPending a change made after the last file that the next file will carry
 * @param lastFile the AB file that last carried this absence, null when none has
 * @param attentionReason why it needs attention (names fields, never values)
 * @param files every ABS row written for this absence, oldest first
 */
public record AbsenceStatusView(String absenceId, String reference, String period, String payroll,
        AbsenceStatus status,
        boolean changesPending, String lastFile, Instant exportedAt, Instant confirmedAt, String attentionReason,
        List<FileRow> files) {

    /** One ABS row in one AB file. */
    public record FileRow(String fileName, int rowNumber, String operation, String fileState) {
    }
}
