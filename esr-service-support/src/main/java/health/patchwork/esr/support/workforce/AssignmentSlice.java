package health.patchwork.esr.support.workforce;

import java.time.LocalDate;

/**
 * One slice of an assignment as outbound publishes it ({@code workforce.published_assignment}): in force from
 * {@code start} to {@code end} (open when null), with its status and payroll then.
 */
public record AssignmentSlice(LocalDate start, LocalDate end, String status, String payrollName) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(start) && (end == null || !date.isAfter(end));
    }
}
