package health.patchwork.esr.absence.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a payroll period stands: finalised or not, the AB files written for it, and the absences starting in it.
 *
 * @param payroll ESR's name of the period's payroll where the Trust configures several; null for its one payroll
 */
public record PeriodStatusView(String period, String payroll, boolean finalised, Instant finalisedAt, String finalisedBy,
        List<FileView> files, Map<AbsenceStatus, Long> counts, List<AbsenceStatusView> absences) {

    /** One AB file of the period. */
    public record FileView(String fileName, String state, int rowCount, Instant uploadedAt) {
    }
}
