package health.patchwork.esr.attendance.intake;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Timesheet lines as the platform posted them (latest content), table {@code timesheet_line}. Written set-based: one
 * statement per batch, with the batch's values passed as arrays and expanded by {@code unnest}. Whoever changes a
 * line or its ledger entries holds the line's row lock ({@link #lock}) until the change commits.
 */
@Component
public class TimesheetLineStore {

    /** A stored line: its content hash (what a re-post is compared by), version, and whether it was withdrawn. */
    public record StoredLine(String lineId, String contentHash, int version, boolean withdrawn) {
    }

    private final JdbcClient jdbc;

    TimesheetLineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The known lines among {@code ids}, locked in id order until the transaction ends. */
    Map<String, StoredLine> lock(Collection<String> ids) {
        return byId(ids, " for update");
    }

    /** The known lines among {@code ids}, in id order. */
    public List<StoredLine> find(Collection<String> ids) {
        return new ArrayList<>(byId(ids, "").values());
    }

    private Map<String, StoredLine> byId(Collection<String> ids, String lock) {
        Map<String, StoredLine> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select line_id, content_hash, version, withdrawn from timesheet_line where line_id = any (?)"
                        + " order by line_id" + lock)
                .param(new SqlArrayValue("text", ids.toArray()))
                .query((rs, i) -> new StoredLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
                .list().forEach(line -> found.put(line.lineId(), line));
        return found;
    }

    /** Inserts new lines; returns the version of each line actually inserted (a concurrent post may win). */
    Map<String, Integer> insert(List<CheckedLine> lines) {
        if (lines.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return versions(jdbc.sql("""
                insert into timesheet_line (line_id, assignment_number, earned_date, pay_code, quantity, rate, amount,
                                            cost_centre, content_hash)
                select * from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::numeric[], ?::numeric[],
                                     ?::numeric[], ?::text[], ?::text[])
                on conflict (line_id) do nothing
                returning line_id, version""").params(contentAndHash(lines)));
    }

    /** Sets each line's content to what {@code lines} say and moves its version on; returns the new versions. */
    Map<String, Integer> update(List<CheckedLine> lines) {
        if (lines.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return versions(jdbc.sql("""
                update timesheet_line t
                   set assignment_number = u.assignment_number, earned_date = u.earned_date, pay_code = u.pay_code,
                       quantity = u.quantity, rate = u.rate, amount = u.amount, cost_centre = u.cost_centre,
                       content_hash = u.content_hash, version = t.version + 1, updated_at = now()
                from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                            ?::text[], ?::text[])
                     as u(line_id, assignment_number, earned_date, pay_code, quantity, rate, amount, cost_centre,
                          content_hash)
                where t.line_id = u.line_id
                returning t.line_id, t.version""").params(contentAndHash(lines)));
    }

    /** Marks the line withdrawn; returns the rows changed (0 or 1). */
    int markWithdrawn(String lineId) {
        return jdbc.sql("update timesheet_line set withdrawn = true, updated_at = now() where line_id = ?")
                .param(lineId).update();
    }

    private static Map<String, Integer> versions(JdbcClient.StatementSpec statement) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        statement.query(rs -> {
            versions.put(rs.getString(1), rs.getInt(2));
        });
        return versions;
    }

    /** 9 arrays: line id, assignment, date, pay code, quantity, rate, amount, cost centre, content hash. */
    private static List<Object> contentAndHash(List<CheckedLine> lines) {
        return List.of(
                array("text", lines, line -> line.values().lineId()),
                array("text", lines, line -> line.values().assignmentNumber()),
                array("date", lines, line -> Date.valueOf(line.values().earnedDate())),
                array("text", lines, line -> line.values().payCode()),
                array("numeric", lines, line -> line.values().quantity()),
                array("numeric", lines, line -> line.values().rate()),
                array("numeric", lines, line -> line.values().amount()),
                array("text", lines, line -> line.values().costCentre()),
                array("text", lines, CheckedLine::contentHash));
    }

    private static SqlArrayValue array(String type, List<CheckedLine> lines, Function<CheckedLine, Object> field) {
        return new SqlArrayValue(type, lines.stream().map(field).toArray());
    }
}
