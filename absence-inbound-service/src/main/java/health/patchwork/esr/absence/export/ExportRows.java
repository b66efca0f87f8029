package health.patchwork.esr.absence.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.mapping.DetailsColumns;
import health.patchwork.esr.formats.write.AbsenceOperation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code export_row}: every ABS row written, with the values written. */
@Repository
class ExportRows {

    private final JdbcClient jdbc;

    ExportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One written row. */
    record Row(String absenceId, String reference, int revision, AbsenceOperation operation, AbsenceDetails details) {
    }

    List<Row> ofFile(long fileId) {
        return jdbc.sql("select * from export_row where file_id = ? order by row_number").param(fileId)
                .query(ExportRows::map).list();
    }

    void insert(long fileId, int rowNumber, Row row) {
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

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("absence_id"), rs.getString("reference"), rs.getInt("revision"),
                AbsenceOperation.valueOf(rs.getString("operation")), DetailsColumns.read(rs, ""));
    }
}
