package health.patchwork.esr.attendance.intake;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.attendance.config.AttendanceSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Reads the outbound service's published contract ({@code workforce.published_assignment}), never its tables:
 * whether an assignment number is known, whether it is active on a date, whether its T&amp;A flag (AS field 36)
 * is set, and its ESR payroll on that date (ASA field 11), which routes the line. One set-based query per batch.
 */
@Component
class AssignmentDirectory {

    enum Standing { UNKNOWN, INACTIVE, ACTIVE, ACTIVE_WITHOUT_TA_FLAG }

    record Key(String assignmentNumber, LocalDate date) {
    }

    /** An assignment on a date: its standing, and the payroll of its slice on that date (null if it has none). */
    record Found(Standing standing, String payrollName) {

        boolean active() {
            return standing == Standing.ACTIVE || standing == Standing.ACTIVE_WITHOUT_TA_FLAG;
        }
    }

    private final JdbcClient jdbc;
    private final List<String> inactiveStatuses;

    AssignmentDirectory(JdbcClient jdbc, AttendanceSettings settings) {
        this.jdbc = jdbc;
        this.inactiveStatuses = settings.inactiveAssignmentStatuses();
    }

    Map<Key, Found> standing(Collection<Key> keys) {
        Map<Key, Found> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select q.n, q.d,
                       bool_or(a.assignment_number is not null) as known,
                       coalesce(bool_or(a.effective_start <= q.d and (a.effective_end is null or q.d <= a.effective_end)
                                        and coalesce(a.assignment_status, '') <> all (?)), false) as active,
                       coalesce(bool_or(a.effective_start <= q.d and (a.effective_end is null or q.d <= a.effective_end)
                                        and coalesce(a.ta_flag, 'Y') <> 'Y'), false) as no_ta_flag,
                       max(a.payroll_name) filter (where a.effective_start <= q.d
                                                   and (a.effective_end is null or q.d <= a.effective_end)) as payroll
                from unnest(?::text[], ?::date[]) as q(n, d)
                left join workforce.published_assignment a on a.assignment_number = q.n
                group by q.n, q.d""")
                .params(new SqlArrayValue("text", inactiveStatuses.toArray()),
                        new SqlArrayValue("text", keys.stream().map(Key::assignmentNumber).toArray()),
                        new SqlArrayValue("date", keys.stream().map(k -> Date.valueOf(k.date())).toArray()))
                .query(rs -> {
                    Key key = new Key(rs.getString(1), rs.getDate(2).toLocalDate());
                    result.put(key, new Found(rs.getBoolean(4) ? (rs.getBoolean(5) ? Standing.ACTIVE_WITHOUT_TA_FLAG
                            : Standing.ACTIVE) : rs.getBoolean(3) ? Standing.INACTIVE : Standing.UNKNOWN,
                            rs.getString(6)));
                });
        return result;
    }
}
