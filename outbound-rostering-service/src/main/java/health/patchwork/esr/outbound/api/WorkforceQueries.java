package health.patchwork.esr.outbound.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read side of the workforce tables for the API. "As of" a date means the slice with start <= date and (end is
 * null or date <= end); a person or assignment with no slice in force that day is answered with its latest slice.
 */
@Repository
public class WorkforceQueries {

    private static final String WORKER_COLUMNS = "p.entity_id, p.employee_number, p.title, p.first_name, p.last_name,"
            + " p.preferred_name, p.office_email, p.hire_date, p.termination_date, p.effective_start, p.effective_end,"
            + " p.record_status, p.updated_at";

    /** The slice in force on :asOf first, else the latest; non-deleted slices before deleted ones. */
    private static final String SLICE_ORDER = "(%1$s.record_status <> 'DELETED_BY_ESR') desc,"
            + " (%1$s.effective_start <= :asOf and (%1$s.effective_end is null or :asOf <= %1$s.effective_end)) desc,"
            + " %1$s.effective_start desc";

    private final JdbcClient jdbc;

    public WorkforceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApiModel.Worker> workers(LocalDate asOf, Instant updatedSince, long offset, int limit) {
        return jdbc.sql("select distinct on (p.entity_id) " + WORKER_COLUMNS + " from person p"
                        + " where (cast(:since as timestamptz) is null or p.updated_at > :since"
                        + "   or exists (select 1 from assignment a where a.person_id = p.entity_id"
                        + "              and a.updated_at > :since))"
                        + " order by p.entity_id, " + SLICE_ORDER.formatted("p")
                        + " offset :offset limit :limit")
                .param("asOf", asOf).param("since", updatedSince == null ? null : java.sql.Timestamp.from(updatedSince))
                .param("offset", offset).param("limit", limit)
                .query(WorkforceQueries::worker).list();
    }

    public Optional<ApiModel.Worker> workerByEmployeeNumber(String employeeNumber, LocalDate asOf) {
        return jdbc.sql("select " + WORKER_COLUMNS + " from person p where p.employee_number = :number"
                        + " order by " + SLICE_ORDER.formatted("p") + " limit 1")
                .param("number", employeeNumber).param("asOf", asOf).query(WorkforceQueries::worker).optional();
    }

    /** Every assignment of a person, each as its slice on :asOf (or its latest). */
    public List<ApiModel.Assignment> assignmentsOf(String personId, LocalDate asOf) {
        return jdbc.sql(assignmentSql("a.person_id = :key")).param("key", personId).param("asOf", asOf)
                .query(WorkforceQueries::assignment).list();
    }

    public Optional<ApiModel.Assignment> assignmentByNumber(String assignmentNumber, LocalDate asOf) {
        return jdbc.sql(assignmentSql("a.assignment_number = :key")).param("key", assignmentNumber)
                .param("asOf", asOf).query(WorkforceQueries::assignment).list().stream().findFirst();
    }

    private static String assignmentSql(String where) {
        return "select distinct on (a.entity_id) a.entity_id, a.assignment_number, a.person_id, a.effective_start,"
                + " a.effective_end, a.assignment_status, a.primary_flag, a.fte, a.normal_hours, a.organisation_id,"
                + " a.position_id, a.grade, a.job_name, a.ta_flag, a.record_status, a.updated_at,"
                + " coalesce((select co.cost_centre from costing co where co.assignment_id = a.entity_id"
                + "   and co.record_status = 'CURRENT' and (co.start_date is null or co.start_date <= :asOf)"
                + "   and (co.end_date is null or :asOf <= co.end_date)"
                + "   order by co.start_date desc nulls last limit 1),"
                + "  (select o.default_cost_centre from organisation o where o.entity_id = a.organisation_id))"
                + "   as cost_centre"
                + " from assignment a where " + where
                + " order by a.entity_id, " + SLICE_ORDER.formatted("a");
    }

    private static ApiModel.Worker worker(ResultSet rs, int row) throws SQLException {
        return new ApiModel.Worker(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                rs.getString(12), rs.getTimestamp(13).toInstant());
    }

    private static ApiModel.Assignment assignment(ResultSet rs, int row) throws SQLException {
        return new ApiModel.Assignment(rs.getString("entity_id"), rs.getString("assignment_number"),
                rs.getString("person_id"), rs.getObject("effective_start", LocalDate.class),
                rs.getObject("effective_end", LocalDate.class), rs.getString("assignment_status"),
                rs.getString("primary_flag"), rs.getBigDecimal("fte"), rs.getBigDecimal("normal_hours"),
                rs.getString("organisation_id"), rs.getString("position_id"), rs.getString("grade"),
                rs.getString("job_name"), rs.getString("ta_flag"), rs.getString("cost_centre"),
                rs.getString("record_status"), rs.getTimestamp("updated_at").toInstant());
    }
}
