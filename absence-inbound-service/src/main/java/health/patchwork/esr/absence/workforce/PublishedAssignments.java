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

    private final JdbcClient jdbc;
    private final String[] inactiveStatuses;

    public PublishedAssignments(JdbcClient jdbc, AbsenceSettings settings) {
        this.jdbc = jdbc;
        this.inactiveStatuses = settings.inactiveAssignmentStatuses().toArray(String[]::new);
    }

    public Standing standing(String assignmentNumber, LocalDate date) {
        List<Boolean> slices = jdbc.sql("""
                select effective_start <= ? and (effective_end is null or ? <= effective_end)
                       and coalesce(assignment_status, '') <> all (?)
                from workforce.published_assignment where assignment_number = ?""")
                .params(date, date, inactiveStatuses, assignmentNumber).query(Boolean.class).list();
        return slices.isEmpty() ? Standing.UNKNOWN : slices.contains(true) ? Standing.ACTIVE : Standing.INACTIVE;
    }
}
