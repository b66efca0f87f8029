package health.patchwork.esr.attendance.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import health.patchwork.esr.attendance.intake.TimesheetLineStore.StoredLine;
import health.patchwork.esr.attendance.ledger.Claim;
import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.LineClaims;
import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.support.payroll.PayPlacement;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportedFile;

import org.springframework.stereotype.Component;

/**
 * A line and its ATT-row ledger entries, changed together under the line's row lock: what intake, corrections and
 * withdrawals write (docs/spec/inbound-files.md §2.3: sent entries are never touched). It asks the owners: the line's
 * row is {@link TimesheetLineStore}'s, its entries {@link ExportEntries}', the files that carried them the
 * {@link ExportLedger}'s.
 */
@Component
class LineLedger {

    /** What is known of a posted line id: its content hash, and the file its latest sent claim went out in, if any. */
    record Existing(String lineId, String contentHash, boolean withdrawn, String exportedIn) {
    }

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

    private final TimesheetLineStore lines;
    private final ExportEntries entries;
    private final ExportLedger files;
    private final PayCodes payCodes;

    LineLedger(TimesheetLineStore lines, ExportEntries entries, ExportLedger files, PayCodes payCodes) {
        this.lines = lines;
        this.entries = entries;
        this.files = files;
        this.payCodes = payCodes;
    }

    /** The known lines among {@code ids}, locked until the transaction ends. */
    Map<String, Existing> lockExisting(Collection<String> ids) {
        Map<String, StoredLine> locked = lines.lock(ids);
        Map<String, String> exportedIn = fileOfLastSentClaim(locked.keySet());
        Map<String, Existing> found = new LinkedHashMap<>();
        locked.forEach((id, line) -> found.put(id, new Existing(id, line.contentHash(), line.withdrawn(),
                exportedIn.get(id))));
        return found;
    }

    /** Inserts new lines and their pending claims; returns the ids actually inserted (a concurrent post may win). */
    Set<String> insert(List<CheckedLine> fresh) {
        Map<String, Integer> inserted = lines.insert(fresh);
        entries.addClaims(claims(fresh.stream().filter(line -> inserted.containsKey(line.lineId())).toList()),
                inserted);
        return new HashSet<>(inserted.keySet());
    }

    /**
     * Rewrites the pending claims of known lines that have not been exported, then the lines themselves. Returns the
     * ids amended; a line missing from the result was exported meanwhile and is left as it was.
     */
    Set<String> amendPending(List<CheckedLine> changed) {
        Set<String> amended = entries.amendPendingClaims(claims(changed));
        lines.update(changed.stream().filter(line -> amended.contains(line.lineId())).toList());
        return amended;
    }

    /** Sets the line's content to {@code line} and queues a pending claim of it, placed as given. */
    void rewrite(CheckedLine line, PayPlacement placement) {
        Map<String, Integer> versions = lines.update(List.of(line));
        entries.addClaims(List.of(new Claim(line.values(), placement, mappingOf(line))), versions);
    }

    /** For each of {@code ids} whose claims went into files: the name of the file of its latest such claim. */
    Map<String, String> fileOfLastSentClaim(Collection<String> ids) {
        Map<String, Long> fileIds = entries.fileOfLastSentClaim(ids);
        Map<Long, ExportedFile> byId = files.byIds(new HashSet<>(fileIds.values()));
        Map<String, String> names = new HashMap<>();
        fileIds.forEach((lineId, fileId) -> {
            if (byId.containsKey(fileId)) {
                names.put(lineId, byId.get(fileId).fileName());
            }
        });
        return names;
    }

    Optional<String> fileOfLastSentClaim(String lineId) {
        return Optional.ofNullable(fileOfLastSentClaim(List.of(lineId)).get(lineId));
    }

    /**
     * Locks the line, then its unsent claim, then reads its state. An export tags the period's unsent entries and
     * holds their row locks until the file is recorded; it never locks a line. Locking the line's row alone therefore
     * let a correction read a snapshot in which the claim was still unsent while an export was putting it into a
     * file. Taking the claim's row lock as well waits for any such export to commit or roll back; the claims are then
     * read by a statement of their own, so they show what that export did ({@link ExportEntries#lockClaims}). Once the
     * claim is locked no export can take it until this transaction ends. The wait is for one row and this transaction
     * holds nothing an export wants (it never locks timesheet_line), so it cannot deadlock with an export.
     */
    Optional<LineState> lock(String lineId) {
        StoredLine line = lines.lock(List.of(lineId)).get(lineId);
        if (line == null) {
            return Optional.empty();
        }
        LineClaims claims = entries.lockClaims(lineId);
        String exportedIn = claims.sentInFile() == null ? null
                : files.byId(claims.sentInFile()).map(ExportedFile::fileName).orElse(null);
        return Optional.of(new LineState(lineId, line.contentHash(), line.withdrawn(), claims.pendingClaim(),
                claims.unreversedSentClaim(), exportedIn));
    }

    /** A pending reversal repeating the exported claim's values (negated when written), placed as given. */
    void reverse(long claimId, PayPlacement placement) {
        expectOne(entries.reverse(claimId, placement), "reversal of an exported claim");
    }

    /** The date worked and payroll of a sent claim: its reversal is placed by them, as corrections are. */
    ExportEntries.Worked workedOf(long claimId) {
        return entries.workedOf(claimId);
    }

    /** Deletes the unsent claim this transaction has locked. */
    void dropPendingClaim(long claimId) {
        expectOne(entries.dropPendingClaim(claimId), "unsent claim dropped");
    }

    void markWithdrawn(String lineId) {
        expectOne(lines.markWithdrawn(lineId), "line marked withdrawn");
    }

    private List<Claim> claims(List<CheckedLine> checked) {
        return checked.stream().map(line -> new Claim(line.values(), line.placement(), mappingOf(line))).toList();
    }

    /** The mapping in force for the line's pay code: the claim is written, and reversed, with it. */
    private Long mappingOf(CheckedLine line) {
        return payCodes.currentMappingId(line.values().payCode());
    }

    /**
     * Every write of a correction targets rows this transaction has locked, so each affects exactly one; anything
     * else means the ledger moved underneath it, and the whole correction is rolled back rather than answered as done.
     */
    private static void expectOne(int affected, String what) {
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
