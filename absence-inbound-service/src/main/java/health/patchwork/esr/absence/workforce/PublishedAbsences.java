package health.patchwork.esr.absence.workforce;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The absences ESR has echoed back in the outbound feed (read-only contract view {@code workforce.published_absence}),
 * with the third-party reference we sent; never the outbound service's tables.
 */
@Component
public class PublishedAbsences {

    /** One echoed ESR absence; {@code deletedByEsr} once ESR has deleted it. */
    public record Echo(String esrAbsenceId, String reference, String absenceType, LocalDate startDate,
            LocalDate endDate, boolean deletedByEsr) {
    }

    private final JdbcClient jdbc;

    PublishedAbsences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The echoes of these references, in the database's order of ESR absence ids (the least first). */
    public List<Echo> withReferences(Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select absence_attendance_id, third_party_reference, absence_type, actual_start_date, actual_end_date,
                       deleted_by_esr
                from workforce.published_absence where third_party_reference = any(?)
                order by absence_attendance_id""")
                .param(references.toArray(String[]::new))
                .query((rs, n) -> new Echo(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBoolean(6)))
                .list();
    }
}
