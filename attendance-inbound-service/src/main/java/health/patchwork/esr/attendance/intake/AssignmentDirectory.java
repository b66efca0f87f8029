package health.patchwork.esr.attendance.intake;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.attendance.config.AttendanceSettings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the outbound service's published contract ({@code workforce.published_assignment}), never its tables:
 * whether an assignment number is known, and whether it is active on a date. One set-based query per batch.
 */
@Component
class AssignmentDirectory {

    enum Standing { UNKNOWN, INACTIVE, ACTIVE }

    record Key(String assignmentNumber, LocalDate date) {
    }

    private final JdbcTemplate jdbc;
    private final List<String> inactiveStatuses;

    AssignmentDirectory(JdbcTemplate jdbc, AttendanceSettings settings) {
        this.jdbc = jdbc;
        this.inactiveStatuses = settings.inactiveAssignmentStatuses();
    }

    Map<Key, Standing> standing(Collection<Key> keys) {
        Map<Key, Standing> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        String[] numbers = keys.stream().map(Key::assignmentNumber).toArray(String[]::new);
        Date[] dates = keys.stream().map(k -> Date.valueOf(k.date())).toArray(Date[]::new);
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select q.n, q.d,
                           bool_or(a.assignment_number is not null) as known,
                           coalesce(bool_or(a.effective_start <= q.d and (a.effective_end is null or q.d <= a.effective_end)
                                            and coalesce(a.assignment_status, '') <> all (?)), false) as active
                    from unnest(?::text[], ?::date[]) as q(n, d)
                    left join workforce.published_assignment a on a.assignment_number = q.n
                    group by q.n, q.d""");
            Array inactive = con.createArrayOf("text", inactiveStatuses.toArray());
            ps.setArray(1, inactive);
            ps.setArray(2, con.createArrayOf("text", numbers));
            ps.setArray(3, con.createArrayOf("date", dates));
            return ps;
        }, rs -> {
            Key key = new Key(rs.getString(1), rs.getDate(2).toLocalDate());
            result.put(key, rs.getBoolean(4) ? Standing.ACTIVE : rs.getBoolean(3) ? Standing.INACTIVE : Standing.UNKNOWN);
        });
        return result;
    }
}
