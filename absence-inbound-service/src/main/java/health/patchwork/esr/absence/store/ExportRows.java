package health.patchwork.esr.absence.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.mapping.DetailsColumns;
import health.patchwork.esr.formats.write.AbsenceOperation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code export_row}: every ABS row written, with the values written. */
@Repository
public class ExportRows {

    /** One row as written. */
    public record Row(String absenceId, String reference, int revision, AbsenceOperation operation,
            AbsenceDetails details) {
    }

    /** A row and where it was written: file (the ledger's id) and row number. */
    public record Written(long fileId, int rowNumber, Row row) {
    }

    /**
     * What one file carried: its rows per operation name (text keys in a sorted map, so the operators' report lists
     * them alphabetically as it always did), and how many absences they came from.
     */
    public record Tally(Map<String, Integer> rowsByOperation, int absences) {
    }

    private final JdbcClient jdbc;

    ExportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> ofFile(long fileId) {
        return jdbc.sql("select * from export_row where file_id = ? order by row_number").param(fileId)
                .query((rs, n) -> row(rs)).list();
    }

    public void insert(long fileId, int rowNumber, Row row) {
        AbsenceDetails d = row.details();
        jdbc.sql("""
                insert into export_row (file_id, row_number, absence_id, revision, operation, reference,
                    assignment_number, absence_type, absence_reason, units, sickness, start_date, start_time, end_date,
                    end_time, duration_days, duration_hours, open_ended, return_to_work_date, notification_date)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fileId, rowNumber, row.absenceId(), row.revision(), row.operation().name(), row.reference(),
                        d.assignmentNumber(), d.absenceType(), d.absenceReason(), d.units(), d.sickness(),
                        d.startDate(), d.startTime(), d.endDate(), d.endTime(), d.durationDays(), d.durationHours(),
                        d.openEnded(), d.returnToWorkDate(), d.notificationDate())
                .update();
    }

    /** The last row written for each of these absences (in any file, uploaded or not), by absence id. */
    public Map<String, Written> lastOf(Collection<String> absenceIds) {
        Map<String, Written> last = new HashMap<>();
        if (!absenceIds.isEmpty()) {
            jdbc.sql("""
                    select distinct on (absence_id) * from export_row where absence_id = any(?)
                    order by absence_id, file_id desc, row_number desc""")
                    .param(absenceIds.toArray(String[]::new))
                    .query(rs -> {
                        Written written = written(rs);
                        last.put(written.row().absenceId(), written);
                    });
        }
        return last;
    }

    /** Every row written for each of these absences, oldest first, by absence id. */
    public Map<String, List<Written>> historyOf(Collection<String> absenceIds) {
        Map<String, List<Written>> history = new HashMap<>();
        if (!absenceIds.isEmpty()) {
            jdbc.sql("select * from export_row where absence_id = any(?) order by absence_id, file_id, row_number")
                    .param(absenceIds.toArray(String[]::new))
                    .query(rs -> {
                        Written written = written(rs);
                        history.computeIfAbsent(written.row().absenceId(), id -> new ArrayList<>()).add(written);
                    });
        }
        return history;
    }

    public Tally tally(long fileId) {
        Map<String, Integer> byOperation = new TreeMap<>();
        int[] absences = {0};
        // one pass: a row per operation, and the grand total (operation null) with the distinct absences
        jdbc.sql("""
                select operation, count(*), count(distinct absence_id) from export_row where file_id = ?
                group by grouping sets ((operation), ())""").param(fileId)
                .query(rs -> {
                    String operation = rs.getString(1);
                    if (operation == null) {
                        absences[0] = rs.getInt(3);
                    } else {
                        byOperation.put(operation, rs.getInt(2));
                    }
                });
        return new Tally(byOperation, absences[0]);
    }

    private static Written written(ResultSet rs) throws SQLException {
        return new Written(rs.getLong("file_id"), rs.getInt("row_number"), row(rs));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("absence_id"), rs.getString("reference"), rs.getInt("revision"),
                AbsenceOperation.valueOf(rs.getString("operation")), DetailsColumns.read(rs, ""));
    }
}
