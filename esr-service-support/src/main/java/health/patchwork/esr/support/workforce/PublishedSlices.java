package health.patchwork.esr.support.workforce;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every published slice of a set of assignments, from outbound's read-only contract view
 * ({@code workforce.published_assignment}), never its tables: one query for a whole export's assignments.
 */
public final class PublishedSlices {

    private final JdbcClient jdbc;
    private final String view;

    public PublishedSlices(JdbcClient jdbc) {
        this(jdbc, "workforce");
    }

    /** Over the contract view in another schema (tests). */
    PublishedSlices(JdbcClient jdbc, String schema) {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a schema name");
        }
        this.jdbc = jdbc;
        this.view = schema + ".published_assignment";
    }

    /** The slices of each assignment number, oldest first; a number the feed does not hold has none. */
    public Map<String, List<AssignmentSlice>> of(Collection<String> assignmentNumbers) {
        Map<String, List<AssignmentSlice>> slices = new HashMap<>();
        if (assignmentNumbers.isEmpty()) {
            return slices;
        }
        jdbc.sql("select assignment_number, effective_start, effective_end, assignment_status, payroll_name from "
                        + view + " where assignment_number = any (?) order by assignment_number, effective_start")
                .param(assignmentNumbers.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    Date end = rs.getDate(3);
                    slices.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(new AssignmentSlice(
                            rs.getDate(2).toLocalDate(), end == null ? null : end.toLocalDate(), rs.getString(4),
                            rs.getString(5)));
                });
        return slices;
    }

    /** The payroll of the slice in force on the date, if the feed has one: what routes a line. */
    public static String payrollOn(List<AssignmentSlice> slices, LocalDate date) {
        // the slice first, then its payroll: a slice without one (null) must not fail the search
        return slices == null ? null : slices.stream().filter(s -> s.covers(date)).findFirst()
                .map(AssignmentSlice::payrollName).orElse(null);
    }
}
