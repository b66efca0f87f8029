package health.patchwork.esr.attendance.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.attendance.period.PayrollCalendar;
import health.patchwork.esr.attendance.period.Placement;
import health.patchwork.esr.support.web.FieldError;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to a line after it was sent (inbound-files.md §2.3): the file that carried it is never edited; the next
 * file carries a reversal (same element, assignment, earned date and input names, numeric values negated) and, for a
 * correction, a claim with the new values. Before export, a correction is simply an amendment.
 */
@Service
public class CorrectionService {

    /** The outcome, or the errors that refused it; empty when the line id is unknown. */
    public record Outcome(LineOutcome outcome, List<FieldError> errors) {
    }

    private final LineValidator validator;
    private final AssignmentDirectory assignments;
    private final TimesheetLineStore lines;
    private final CorrectionStore corrections;
    private final PayrollCalendar calendar;
    private final TransactionTemplate transactions;

    CorrectionService(LineValidator validator, AssignmentDirectory assignments, TimesheetLineStore lines,
                      CorrectionStore corrections, PayrollCalendar calendar, TransactionTemplate transactions) {
        this.validator = validator;
        this.assignments = assignments;
        this.lines = lines;
        this.corrections = corrections;
        this.calendar = calendar;
        this.transactions = transactions;
    }

    public Optional<Outcome> correct(String lineId, TimesheetLineRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.lineId() != null && !body.lineId().equals(lineId)) {
            errors.add(new FieldError("lineId", "must be left out or equal the line id in the path"));
        }
        CheckedLine checked = validator.check(0, "", body, lineId, errors, true);
        if (checked != null) {
            var key = new AssignmentDirectory.Key(checked.values().assignmentNumber(), checked.values().earnedDate());
            var standing = assignments.standing(List.of(key)).get(key);
            if (standing != AssignmentDirectory.Standing.ACTIVE) {
                errors.add(new FieldError("assignmentNumber", standing == AssignmentDirectory.Standing.INACTIVE
                        ? "is not active on dateWorked" : "is not a known assignment"));
            }
        }
        if (!errors.isEmpty()) {
            return Optional.of(new Outcome(LineOutcome.REJECTED, errors));
        }
        return transactions.execute(status -> corrections.lock(lineId).map(state -> apply(state, checked)));
    }

    private Outcome apply(CorrectionStore.LineState state, CheckedLine checked) {
        if (state.withdrawn()) {
            return new Outcome(LineOutcome.REJECTED,
                    List.of(new FieldError("lineId", "was withdrawn; post the work under a new line id")));
        }
        if (state.contentHash().equals(checked.contentHash())) {
            return new Outcome(LineOutcome.UNCHANGED, List.of());
        }
        if (state.pendingClaim()) {
            // not sent yet (a first claim, or the new half of an earlier correction): rewrite it
            lines.amendPending(List.of(checked));
            return new Outcome(state.unreversedExportedClaim() == null ? LineOutcome.AMENDED : LineOutcome.CORRECTED,
                    List.of());
        }
        Long sent = state.unreversedExportedClaim();
        Placement placement = sent == null ? checked.placement()
                : calendar.placementForCorrection(corrections.earnedDateOf(sent));
        if (sent != null) {
            corrections.reverse(sent, placement);
        }
        lines.updateLines(List.of(checked));
        lines.insertClaims(List.of(new CheckedLine(0, checked.values(), placement, checked.contentHash())));
        return new Outcome(LineOutcome.CORRECTED, List.of());
    }

    /** Withdraws a line: drops its unsent claim and reverses what was sent. Empty when the line id is unknown. */
    public Optional<Outcome> withdraw(String lineId) {
        return transactions.execute(status -> corrections.lock(lineId).map(state -> {
            if (state.withdrawn()) {
                return new Outcome(LineOutcome.UNCHANGED, List.of());
            }
            corrections.dropPendingClaim(lineId);
            Long sent = state.unreversedExportedClaim();
            if (sent != null) {
                corrections.reverse(sent, calendar.placementForCorrection(corrections.earnedDateOf(sent)));
            }
            corrections.markWithdrawn(lineId);
            return new Outcome(LineOutcome.WITHDRAWN, List.of());
        }));
    }
}
