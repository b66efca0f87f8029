package health.patchwork.esr.absence.workforce;

import java.time.LocalDate;
import java.util.List;

import health.patchwork.esr.absence.config.AbsenceSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbound service's published assignments (read-only contract view {@code workforce.published_assignment}),
 * never its tables.
 */
@Component
public class PublishedAssignments {

    /** UNKNOWN: ESR has never published the number. INACTIVE: no slice on the date, or an inactive status. */
    public enum Standing { UNKNOWN, INACTIVE, ACTIVE }

    /** An assignment on a date: its standing, and ESR's payroll of its slice on that date (null if none). */
    public record OnDate(Standing standing, String payrollName) {
    }

    private final JdbcClient jdbc;
    private final String[] inactiveStatuses;

    public PublishedAssignments(JdbcClient jdbc, AbsenceSettings settings) {
        this.jdbc = jdbc;
        this.inactiveStatuses = settings.inactiveAssignmentStatuses().toArray(String[]::new);
    }

    public OnDate on(String assignmentNumber, LocalDate date) {
        List<Slice> slices = jdbc.sql("""
                select effective_start <= ? and (effective_end is null or ? <= effective_end),
                       coalesce(assignment_status, '') <> all (?), payroll_name
                from workforce.published_assignment where assignment_number = ?""")
                .params(date, date, inactiveStatuses, assignmentNumber)
                .query((rs, n) -> new Slice(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3))).list();
        String payroll = slices.stream().filter(Slice::covers).findFirst().map(Slice::payrollName).orElse(null);
        Standing standing = slices.isEmpty() ? Standing.UNKNOWN
                : slices.stream().anyMatch(s -> s.covers() && s.activeStatus()) ? Standing.ACTIVE : Standing.INACTIVE;
        return new OnDate(standing, payroll);
    }

    private record Slice(boolean covers, boolean activeStatus, String payrollName) {
    }
}
