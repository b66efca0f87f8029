package health.patchwork.esr.absence.mapping;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/** The columns that hold {@link AbsenceDetails}, alike in tables {@code absence} and {@code export_row}. */
public final class DetailsColumns {

    public static final List<String> NAMES = List.of("assignment_number", "absence_type", "absence_reason", "units",
            "sickness", "start_date", "start_time", "end_date", "end_time", "duration_days", "duration_hours",
            "open_ended", "return_to_work_date", "notification_date");

    private DetailsColumns() {
    }

    /** {@code t.col as pcol, …}: the columns of table alias {@code table}, renamed with {@code prefix}. */
    public static String select(String table, String prefix) {
        return NAMES.stream().map(n -> table + "." + n + " as " + prefix + n).collect(Collectors.joining(", "));
    }

    public static AbsenceDetails read(ResultSet rs, String prefix) throws SQLException {
        String units = rs.getString(prefix + "units");
        BigDecimal duration = "D".equals(units) ? rs.getBigDecimal(prefix + "duration_days")
                : rs.getBigDecimal(prefix + "duration_hours");
        return new AbsenceDetails(rs.getString(prefix + "assignment_number"), rs.getString(prefix + "absence_type"),
                rs.getString(prefix + "absence_reason"), units, rs.getBoolean(prefix + "sickness"),
                rs.getObject(prefix + "start_date", LocalDate.class), rs.getObject(prefix + "start_time", LocalTime.class),
                rs.getObject(prefix + "end_date", LocalDate.class), rs.getObject(prefix + "end_time", LocalTime.class),
                duration, rs.getBoolean(prefix + "open_ended"),
                rs.getObject(prefix + "return_to_work_date", LocalDate.class),
                rs.getObject(prefix + "notification_date", LocalDate.class));
    }
}
