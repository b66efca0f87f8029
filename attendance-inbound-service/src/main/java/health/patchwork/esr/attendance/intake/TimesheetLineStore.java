package health.patchwork.esr.attendance.intake;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import health.patchwork.esr.attendance.mapping.ClaimValues;
import health.patchwork.esr.attendance.mapping.PayCodes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Timesheet lines and their pending claims, written set-based: one statement per table per batch, with the batch's
 * values passed as arrays and expanded by {@code unnest}.
 */
@Component
class TimesheetLineStore {

    /** What is known of a posted line id: its content hash, and whether a claim of it has gone out. */
    record Existing(String lineId, String contentHash, boolean withdrawn, String exportedIn) {
    }

    private final JdbcTemplate jdbc;
    private final PayCodes payCodes;

    TimesheetLineStore(JdbcTemplate jdbc, PayCodes payCodes) {
        this.jdbc = jdbc;
        this.payCodes = payCodes;
    }

    /** The known lines among {@code ids}, locked until the transaction ends. */
    Map<String, Existing> lockExisting(Collection<String> ids) {
        Map<String, Existing> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select l.line_id, l.content_hash, l.withdrawn,
                           (select f.file_name from export_entry e join export_file f on f.id = e.export_file_id
                             where e.line_id = l.line_id and e.kind = 'CLAIM' order by e.id desc limit 1) as exported_in
                    from timesheet_line l where l.line_id = any (?) order by l.line_id for update of l""");
            ps.setArray(1, con.createArrayOf("text", ids.toArray()));
            return ps;
        }, rs -> {
            found.put(rs.getString(1), new Existing(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
        });
        return found;
    }

    /** For each of {@code ids} whose latest claim went into a file: that file's name. */
    Map<String, String> fileOfLatestClaim(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select distinct on (e.line_id) e.line_id, f.file_name
                    from export_entry e left join export_file f on f.id = e.export_file_id
                    where e.line_id = any (?) and e.kind = 'CLAIM' order by e.line_id, e.id desc""");
            ps.setArray(1, con.createArrayOf("text", ids.toArray()));
            return ps;
        }, rs -> {
            if (rs.getString(2) != null) {
                found.put(rs.getString(1), rs.getString(2));
            }
        });
        return found;
    }

    /** Inserts new lines and their pending claims; returns the ids actually inserted (a concurrent post may win). */
    Set<String> insert(List<CheckedLine> lines) {
        Set<String> inserted = new HashSet<>();
        if (lines.isEmpty()) {
            return inserted;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into timesheet_line (line_id, assignment_number, earned_date, pay_code, quantity, rate, amount,
                                                cost_centre, content_hash)
                    select * from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::numeric[], ?::numeric[],
                                         ?::numeric[], ?::text[], ?::text[])
                    on conflict (line_id) do nothing
                    returning line_id""");
            setContent(con, ps, 1, lines);
            ps.setArray(9, con.createArrayOf("text", lines.stream().map(CheckedLine::contentHash).toArray()));
            return ps;
        }, rs -> {
            inserted.add(rs.getString(1));
        });
        List<CheckedLine> claims = lines.stream().filter(l -> inserted.contains(l.lineId())).toList();
        insertClaims(claims);
        return inserted;
    }

    /** Pending claims carrying the lines' current content, placed as each checked line says. */
    void insertClaims(List<CheckedLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into export_entry (line_id, line_version, kind, assignment_number, earned_date, pay_code,
                                              quantity, rate, amount, cost_centre, tax_year, tax_period, cut_off,
                                              mapping_id)
                    select l.line_id, l.version, 'CLAIM', l.assignment_number, l.earned_date, l.pay_code, l.quantity,
                           l.rate, l.amount, l.cost_centre, u.tax_year, u.tax_period, u.cut_off, u.mapping_id
                    from unnest(?::text[], ?::smallint[], ?::smallint[], ?::timestamptz[], ?::bigint[])
                         as u(line_id, tax_year, tax_period, cut_off, mapping_id)
                    join timesheet_line l on l.line_id = u.line_id""");
            ps.setArray(1, array(con, "text", lines, ClaimValues::lineId));
            setPlacement(con, ps, 2, lines);
            ps.setArray(5, mappingIds(con, lines));
            return ps;
        });
    }

    /**
     * Rewrites the pending claims of known lines that have not been exported, then the lines themselves. Returns the
     * ids amended; a line missing from the result was exported meanwhile and is left as it was.
     */
    Set<String> amendPending(List<CheckedLine> lines) {
        Set<String> amended = new HashSet<>();
        if (lines.isEmpty()) {
            return amended;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    update export_entry e
                       set assignment_number = u.assignment_number, earned_date = u.earned_date, pay_code = u.pay_code,
                           quantity = u.quantity, rate = u.rate, amount = u.amount, cost_centre = u.cost_centre,
                           tax_year = u.tax_year, tax_period = u.tax_period, cut_off = u.cut_off,
                           mapping_id = u.mapping_id, line_version = e.line_version + 1
                    from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                                ?::text[], ?::smallint[], ?::smallint[], ?::timestamptz[], ?::bigint[])
                         as u(line_id, assignment_number, earned_date, pay_code, quantity, rate, amount, cost_centre,
                              tax_year, tax_period, cut_off, mapping_id)
                    where e.line_id = u.line_id and e.kind = 'CLAIM' and e.export_file_id is null
                    returning e.line_id""");
            setContent(con, ps, 1, lines);
            setPlacement(con, ps, 9, lines);
            ps.setArray(12, mappingIds(con, lines));
            return ps;
        }, rs -> {
            amended.add(rs.getString(1));
        });
        List<CheckedLine> done = lines.stream().filter(l -> amended.contains(l.lineId())).toList();
        updateLines(done);
        return amended;
    }

    /** Sets the line's content to {@code lines} and bumps its version. */
    void updateLines(List<CheckedLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    update timesheet_line t
                       set assignment_number = u.assignment_number, earned_date = u.earned_date, pay_code = u.pay_code,
                           quantity = u.quantity, rate = u.rate, amount = u.amount, cost_centre = u.cost_centre,
                           content_hash = u.content_hash, version = t.version + 1, updated_at = now()
                    from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                                ?::text[], ?::text[])
                         as u(line_id, assignment_number, earned_date, pay_code, quantity, rate, amount, cost_centre,
                              content_hash)
                    where t.line_id = u.line_id""");
            setContent(con, ps, 1, lines);
            ps.setArray(9, con.createArrayOf("text", lines.stream().map(CheckedLine::contentHash).toArray()));
            return ps;
        });
    }

    /** Sets 8 arrays from {@code first}: line id, assignment, date, pay code, quantity, rate, amount, cost centre. */
    private static void setContent(Connection con, PreparedStatement ps, int first, List<CheckedLine> lines)
            throws SQLException {
        ps.setArray(first, array(con, "text", lines, ClaimValues::lineId));
        ps.setArray(first + 1, array(con, "text", lines, ClaimValues::assignmentNumber));
        ps.setArray(first + 2, con.createArrayOf("date",
                lines.stream().map(l -> Date.valueOf(l.values().earnedDate())).toArray()));
        ps.setArray(first + 3, array(con, "text", lines, ClaimValues::payCode));
        ps.setArray(first + 4, array(con, "numeric", lines, ClaimValues::quantity));
        ps.setArray(first + 5, array(con, "numeric", lines, ClaimValues::rate));
        ps.setArray(first + 6, array(con, "numeric", lines, ClaimValues::amount));
        ps.setArray(first + 7, array(con, "text", lines, ClaimValues::costCentre));
    }

    /** Sets 3 arrays from {@code first}: tax year, period, cut-off. */
    private static void setPlacement(Connection con, PreparedStatement ps, int first, List<CheckedLine> lines)
            throws SQLException {
        ps.setArray(first, con.createArrayOf("smallint",
                lines.stream().map(l -> (short) l.placement().period().taxYear()).toArray()));
        ps.setArray(first + 1, con.createArrayOf("smallint",
                lines.stream().map(l -> (short) l.placement().period().period()).toArray()));
        ps.setArray(first + 2, con.createArrayOf("timestamptz",
                lines.stream().map(l -> Timestamp.from(l.placement().cutOff())).toArray()));
    }

    /** The mapping in force for each line's pay code: the claim is written, and reversed, with it. */
    private java.sql.Array mappingIds(Connection con, List<CheckedLine> lines) throws SQLException {
        return con.createArrayOf("bigint",
                lines.stream().map(l -> payCodes.currentMappingId(l.values().payCode())).toArray());
    }

    private static java.sql.Array array(Connection con, String type, List<CheckedLine> lines,
                                        Function<ClaimValues, Object> field) throws SQLException {
        return con.createArrayOf(type, lines.stream().map(l -> field.apply(l.values())).toArray());
    }
}
