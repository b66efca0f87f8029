package health.patchwork.esr.absence.intake;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbound service's published assignments (read-only contract view {@code workforce.published_assignment}). */
@Component
class PublishedAssignments {

    private final JdbcClient jdbc;

    PublishedAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether ESR has published the assignment with a slice covering {@code date}. */
    boolean isCurrent(String assignmentNumber, LocalDate date) {
        return jdbc.sql("""
                select exists (select 1 from workforce.published_assignment
                               where assignment_number = ? and effective_start <= ?
                                 and (effective_end is null or effective_end >= ?))""")
                .params(assignmentNumber, date, date).query(Boolean.class).single();
    }
}
