package health.patchwork.esr.attendance.intake;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.attendance.period.Placement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The ledger operations of corrections and withdrawals (docs/spec/inbound-files.md §2.3): sent rows are never touched. */
@Component
class CorrectionStore {

    /**
     * The state of one line, locked for the transaction: its row, and its unsent claim if it has one.
     *
     * @param pendingClaim the id of the unsent claim, null when there is none
     * @param unreversedExportedClaim the latest claim that went into a file and has no reversal yet, if any
     * @param exportedIn the file that carried {@code unreversedExportedClaim}
     */
    record LineState(String lineId, String contentHash, boolean withdrawn, Long pendingClaim,
                     Long unreversedExportedClaim, String exportedIn) {

        boolean hasPendingClaim() {
            return pendingClaim != null;
        }
    }

    private final JdbcTemplate jdbc;

    CorrectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the line, then its unsent claim, then reads its state. An export tags the period's unsent entries and
     * holds their row locks until the file is recorded; it never locks a line. Locking the line's row alone therefore
     * let a correction read a snapshot in which the claim was still unsent while an export was putting it into a
     * file. Taking the claim's row lock as well waits for any such export to commit or roll back; the state is then
     * read by a statement of its own, so it sees what that export did. Once the claim is locked no export can take it
     * until this transaction ends. The wait is for one row and this transaction holds nothing an export wants (it
     * never locks timesheet_line), so it cannot deadlock with an export.
     */
    Optional<LineState> lock(String lineId) {
        List<String> found = jdbc.queryForList(
                "select line_id from timesheet_line where line_id = ? for update", String.class, lineId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // at most one unsent claim per line (the service keeps it so under the line's lock)
        jdbc.queryForList("""
                select id from export_entry where line_id = ? and kind = 'CLAIM' and export_file_id is null
                order by id for update""", Long.class, lineId);
        return jdbc.query("""
                select l.line_id, l.content_hash, l.withdrawn,
                       (select e.id from export_entry e where e.line_id = l.line_id and e.kind = 'CLAIM'
                               and e.export_file_id is null order by e.id limit 1) as pending_claim,
                       sent.id, f.file_name
                from timesheet_line l
                left join lateral (select c.id, c.export_file_id from export_entry c
                                   where c.line_id = l.line_id and c.kind = 'CLAIM' and c.export_file_id is not null
                                     and not exists (select 1 from export_entry r where r.reverses_entry_id = c.id)
                                   order by c.id desc limit 1) sent on true
                left join export_file f on f.id = sent.export_file_id
                where l.line_id = ?""",
                (rs, i) -> new LineState(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getString(6)), lineId)
                .stream().findFirst();
    }

    /** A pending REVERSAL repeating the exported claim's values (negated when written), placed as given. */
    void reverse(long claimId, Placement placement) {
        expectOne(jdbc.update("""
                insert into export_entry (line_id, line_version, kind, reverses_entry_id, assignment_number,
                                          earned_date, pay_code, quantity, rate, amount, cost_centre,
                                          tax_year, tax_period, cut_off, mapping_id)
                select line_id, line_version, 'REVERSAL', id, assignment_number, earned_date, pay_code, quantity,
                       rate, amount, cost_centre, ?, ?, ?, mapping_id
                from export_entry where id = ? and export_file_id is not null""",
                placement.period().taxYear(), placement.period().period(), Timestamp.from(placement.cutOff()), claimId),
                "reversal of an exported claim");
    }

    /** The date worked of a sent claim: its reversal is placed by it, as corrections are. */
    LocalDate earnedDateOf(long claimId) {
        return jdbc.queryForObject("select earned_date from export_entry where id = ?", LocalDate.class, claimId);
    }

    /** Deletes the unsent claim this transaction has locked. */
    void dropPendingClaim(long claimId) {
        expectOne(jdbc.update("delete from export_entry where id = ? and kind = 'CLAIM' and export_file_id is null",
                claimId), "unsent claim dropped");
    }

    void markWithdrawn(String lineId) {
        expectOne(jdbc.update("update timesheet_line set withdrawn = true, updated_at = now() where line_id = ?",
                lineId), "line marked withdrawn");
    }

    /** The file that carried the line's latest claim, if one did (read after a change found it exported). */
    Optional<String> fileOfLatestClaim(String lineId) {
        return jdbc.queryForList("""
                select f.file_name from export_entry e join export_file f on f.id = e.export_file_id
                where e.line_id = ? and e.kind = 'CLAIM' order by e.id desc limit 1""", String.class, lineId)
                .stream().findFirst();
    }

    /**
     * Every write of a correction targets rows this transaction has locked, so each affects exactly one; anything
     * else means the ledger moved underneath it, and the whole correction is rolled back rather than answered as done.
     */
    static void expectOne(int affected, String what) {
        if (affected != 1) {
            throw new LedgerMoved(what + ": " + affected + " rows instead of 1");
        }
    }

    /** A write of a correction did not find the row it locked as it was; the transaction must not commit. */
    static final class LedgerMoved extends RuntimeException {
        LedgerMoved(String message) {
            super(message);
        }
    }
}
