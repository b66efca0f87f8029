package health.patchwork.esr.attendance.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import health.patchwork.esr.support.web.FieldError;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of approved lines: checks each (fields, pay code, date, then the assignment against the published
 * view, which gives the payroll and so the period and run), and stores the good ones in one transaction whatever happens to the others. Re-posting a line id is a no-op
 * with the same content, an amendment before export, and refused after export (corrections take over).
 */
@Service
class IntakeService {

    private final LineValidator validator;
    private final AssignmentDirectory assignments;
    private final LinePlacement placement;
    private final LineLedger ledger;
    private final TransactionTemplate transactions;

    IntakeService(LineValidator validator, AssignmentDirectory assignments, LinePlacement placement,
                  LineLedger ledger, TransactionTemplate transactions) {
        this.validator = validator;
        this.assignments = assignments;
        this.placement = placement;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    BatchResult post(List<TimesheetLineRequest> lines) {
        LineResult[] results = new LineResult[lines.size()];
        Map<Integer, List<FieldError>> warnings = new HashMap<>();
        List<CheckedLine> checked = check(lines, results, warnings);
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> store(checked, results));
                warnings.forEach((index, found) -> results[index] = results[index].accepted()
                        ? results[index].withWarnings(found) : results[index]);
                return BatchResult.of(List.of(results));
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
                // a concurrent post inserted one of our new ids first, or a deadlock with an export: the transaction
                // rolled back as a whole, so simply go again (now seeing the other's lines as existing)
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    private List<CheckedLine> check(List<TimesheetLineRequest> lines, LineResult[] results,
                                    Map<Integer, List<FieldError>> warnings) {
        Map<Integer, CheckedLine> valid = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            TimesheetLineRequest line = lines.get(i);
            String path = "lines[" + i + "]";
            List<FieldError> errors = new ArrayList<>();
            CheckedLine ok = validator.check(i, path, line, line.lineId(), errors);
            if (line.lineId() != null && !seen.add(line.lineId())) {
                errors.add(LineValidator.error(path, "lineId", "appears more than once in this batch"));
                ok = null;
            }
            if (ok == null) {
                results[i] = LineResult.rejected(i, line.lineId(), errors);
            } else {
                valid.put(i, ok);
            }
        }
        Map<AssignmentDirectory.Key, AssignmentDirectory.Found> found = assignments.standing(valid.values()
                .stream().map(IntakeService::key).collect(Collectors.toSet()));
        LinePlacement.Placer placer = placement.placer(false);
        List<CheckedLine> checked = new ArrayList<>(valid.size());
        for (CheckedLine c : valid.values()) {
            LinePlacement.Placed placed = placer.place(c, found.get(key(c)), "lines[" + c.index() + "]");
            if (!placed.accepted()) {
                results[c.index()] = LineResult.rejected(c.index(), c.lineId(), List.of(placed.error()));
                continue;
            }
            checked.add(placed.line());
            if (placed.warning() != null) {
                warnings.put(c.index(), List.of(placed.warning()));
            }
        }
        return checked;
    }

    private static AssignmentDirectory.Key key(CheckedLine c) {
        return new AssignmentDirectory.Key(c.values().assignmentNumber(), c.values().earnedDate());
    }

    private void store(List<CheckedLine> checked, LineResult[] results) {
        Map<String, LineLedger.Existing> existing = ledger.lockExisting(
                checked.stream().map(CheckedLine::lineId).toList());
        List<CheckedLine> fresh = new ArrayList<>();
        List<CheckedLine> amend = new ArrayList<>();
        for (CheckedLine c : checked) {
            LineLedger.Existing known = existing.get(c.lineId());
            String path = "lines[" + c.index() + "]";
            if (known == null) {
                fresh.add(c);
            } else if (known.withdrawn()) {
                results[c.index()] = LineResult.rejected(c.index(), c.lineId(), List.of(LineValidator.error(path,
                        "lineId", "was withdrawn; post the work under a new line id")));
            } else if (known.contentHash().equals(c.contentHash())) {
                results[c.index()] = LineResult.ok(c.index(), c.lineId(), LineOutcome.UNCHANGED)
                        .paid(c.payDate());
            } else if (known.exportedIn() != null) {
                results[c.index()] = exported(c, path, known.exportedIn());
            } else {
                amend.add(c);
            }
        }
        Set<String> inserted = ledger.insert(fresh);
        if (inserted.size() != fresh.size()) {
            throw new DataIntegrityViolationException("a line id was inserted concurrently");
        }
        fresh.forEach(c -> results[c.index()] = LineResult.ok(c.index(), c.lineId(), LineOutcome.CREATED)
                .paid(c.payDate()));
        Set<String> amended = ledger.amendPending(amend);
        // a line whose claim an export was tagging when we read it: the amendment waited for that export's row lock
        // and then found the claim in a file; this statement sees the file, so the refusal can name it
        Map<String, String> exportedMeanwhile = ledger.fileOfLastSentClaim(amend.stream().map(CheckedLine::lineId)
                .filter(id -> !amended.contains(id)).toList());
        for (CheckedLine c : amend) {
            if (amended.contains(c.lineId())) {
                results[c.index()] = LineResult.ok(c.index(), c.lineId(), LineOutcome.AMENDED).paid(c.payDate());
            } else {
                results[c.index()] = exported(c, "lines[" + c.index() + "]",
                        exportedMeanwhile.getOrDefault(c.lineId(), "a file exported just now"));
            }
        }
    }

    private static LineResult exported(CheckedLine c, String path, String fileName) {
        return LineResult.rejected(c.index(), c.lineId(), List.of(LineValidator.error(path, "lineId",
                "was exported in " + fileName + " and cannot change; send a correction to POST /api/v1/timesheet-lines/"
                        + c.lineId() + "/corrections")));
    }
}
