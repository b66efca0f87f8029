package health.patchwork.esr.attendance.intake;

import java.sql.Timestamp;
import java.util.Optional;

import health.patchwork.esr.attendance.period.Placement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The ledger operations of corrections and withdrawals (inbound-files.md §2.3): sent rows are never touched. */
@Component
class CorrectionStore {

    /** The state of one line, locked for the transaction. */
    record LineState(String lineId, String contentHash, boolean withdrawn, boolean pendingClaim,
                     Long unreversedExportedClaim) {
    }

    private final JdbcTemplate jdbc;

    CorrectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LineState> lock(String lineId) {
        return jdbc.query("""
                select l.line_id, l.content_hash, l.withdrawn,
                       exists (select 1 from export_entry e where e.line_id = l.line_id and e.kind = 'CLAIM'
                               and e.export_file_id is null) as pending_claim,
                       (select c.id from export_entry c where c.line_id = l.line_id and c.kind = 'CLAIM'
                               and c.export_file_id is not null
                               and not exists (select 1 from export_entry r where r.reverses_entry_id = c.id)
                        order by c.id desc limit 1) as unreversed
                from timesheet_line l where l.line_id = ? for update of l""",
                (rs, i) -> new LineState(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        (Long) rs.getObject(5, Long.class)), lineId).stream().findFirst();
    }

    /** A pending REVERSAL repeating the exported claim's values (negated when written), placed as given. */
    void reverse(long claimId, Placement placement) {
        jdbc.update("""
                insert into export_entry (line_id, line_version, kind, reverses_entry_id, assignment_number,
                                          earned_date, pay_code, quantity, rate, amount, cost_centre,
                                          tax_year, tax_period, cut_off)
                select line_id, line_version, 'REVERSAL', id, assignment_number, earned_date, pay_code, quantity,
                       rate, amount, cost_centre, ?, ?, ?
                from export_entry where id = ?""",
                placement.period().taxYear(), placement.period().period(), Timestamp.from(placement.cutOff()), claimId);
    }

    /** Where the reversal of a claim goes: with the claim's own date, as corrections are placed. */
    java.time.LocalDate earnedDateOf(long claimId) {
        return jdbc.queryForObject("select earned_date from export_entry where id = ?", java.time.LocalDate.class,
                claimId);
    }

    void dropPendingClaim(String lineId) {
        jdbc.update("delete from export_entry where line_id = ? and kind = 'CLAIM' and export_file_id is null", lineId);
    }

    void markWithdrawn(String lineId) {
        jdbc.update("update timesheet_line set withdrawn = true, updated_at = now() where line_id = ?", lineId);
    }
}
