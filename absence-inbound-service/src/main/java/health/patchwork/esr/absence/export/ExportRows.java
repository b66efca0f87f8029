package health.patchwork.esr.absence.export;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.absence.mapping.AbsenceDetails;
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

    /** The last row written for an absence: what ESR holds from us (nothing, if it was a DEL). */
    Optional<Row> latest(String absenceId) {
        return jdbc.sql("select * from export_row where absence_id = ? order by file_id desc, row_number desc limit 1")
                .param(absenceId).query(ExportRows::map).optional();
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
        String units = rs.getString("units");
        BigDecimal duration = "D".equals(units) ? rs.getBigDecimal("duration_days") : rs.getBigDecimal("duration_hours");
        AbsenceDetails details = new AbsenceDetails(rs.getString("assignment_number"), rs.getString("absence_type"),
                rs.getString("absence_reason"), units, rs.getBoolean("sickness"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_date", LocalDate.class), rs.getObject("end_time", LocalTime.class), duration,
                rs.getBoolean("open_ended"), rs.getObject("return_to_work_date", LocalDate.class),
                rs.getObject("notification_date", LocalDate.class));
        return new Row(rs.getString("absence_id"), rs.getString("reference"), rs.getInt("revision"),
                AbsenceOperation.valueOf(rs.getString("operation")), details);
    }
}
