package health.patchwork.esr.attendance.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import health.patchwork.esr.attendance.period.PayrollCalendar;
import health.patchwork.esr.attendance.period.Placement;
import health.patchwork.esr.support.web.FieldError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to a line after it was sent (docs/spec/inbound-files.md §2.3): the file that carried it is never edited; the next
 * file carries a reversal (same element, assignment, earned date and input names, numeric values negated) and, for a
 * correction, a claim with the new values. Before export, a correction is simply an amendment.
 * <p>
 * A change that arrives while an export is putting the line's claim into a file waits for that export (see
 * {@link LineLedger#lock}) and then goes the way that export left the claim: still unsent (the export rolled
 * back, or did not take it), it is amended or dropped; sent, it is reversed, and the answer names the file that
 * carried it. Every write is checked to have touched the row it meant to; one that did not is retried, and refused
 * with a conflict after that, never answered as done.
 */
@Service
class CorrectionService {

    private static final Logger log = LoggerFactory.getLogger(CorrectionService.class);
    private static final int ATTEMPTS = 3;

    /**
     * The outcome, or the errors that refused it; empty when the line id is unknown.
     *
     * @param exportedIn when a reversal was queued: the file that carried the claim it reverses
     * @param conflict refused because the line could not be changed consistently now (409), not because the
     *        request was invalid (422)
     */
    record Outcome(LineOutcome outcome, List<FieldError> errors, String exportedIn, boolean conflict) {

        static Outcome done(LineOutcome outcome) {
            return new Outcome(outcome, List.of(), null, false);
        }

        static Outcome reversed(LineOutcome outcome, String exportedIn) {
            return new Outcome(outcome, List.of(), exportedIn, false);
        }

        static Outcome rejected(List<FieldError> errors) {
            return new Outcome(LineOutcome.REJECTED, List.copyOf(errors), null, false);
        }

        static Outcome conflict(FieldError error, String exportedIn) {
            return new Outcome(LineOutcome.REJECTED, List.of(error), exportedIn, true);
        }
    }

    private final LineValidator validator;
    private final AssignmentDirectory assignments;
    private final LineLedger ledger;
    private final PayrollCalendar calendar;
    private final TransactionTemplate transactions;

    CorrectionService(LineValidator validator, AssignmentDirectory assignments, LineLedger ledger,
                      PayrollCalendar calendar, TransactionTemplate transactions) {
        this.validator = validator;
        this.assignments = assignments;
        this.ledger = ledger;
        this.calendar = calendar;
        this.transactions = transactions;
    }

    Optional<Outcome> correct(String lineId, TimesheetLineRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.lineId() != null && !body.lineId().equals(lineId)) {
            errors.add(new FieldError("lineId", "must be left out or equal the line id in the path"));
        }
        CheckedLine checked = validator.check(0, "", body, lineId, errors, true);
        if (checked != null) {
            var key = new AssignmentDirectory.Key(checked.values().assignmentNumber(), checked.values().earnedDate());
            var standing = assignments.standing(List.of(key)).get(key);
            if (standing != AssignmentDirectory.Standing.ACTIVE
                    && standing != AssignmentDirectory.Standing.ACTIVE_WITHOUT_TA_FLAG) {
                errors.add(new FieldError("assignmentNumber", standing == AssignmentDirectory.Standing.INACTIVE
                        ? "is not active on dateWorked" : "is not a known assignment"));
            }
        }
        if (!errors.isEmpty()) {
            return Optional.of(Outcome.rejected(errors));
        }
        return locked(lineId, state -> apply(state, checked));
    }

    private Outcome apply(LineLedger.LineState state, CheckedLine checked) {
        if (state.withdrawn()) {
            return Outcome.rejected(List.of(new FieldError("lineId", "was withdrawn; post the work under a new line id")));
        }
        if (state.contentHash().equals(checked.contentHash())) {
            return Outcome.done(LineOutcome.UNCHANGED);
        }
        if (state.hasPendingClaim()) {
            // not sent yet (a first claim, or the new half of an earlier correction), and locked: rewrite it
            if (!ledger.amendPending(List.of(checked)).contains(state.lineId())) {
                throw new LineLedger.LedgerMoved("the locked unsent claim of the line was not amended");
            }
            return Outcome.done(state.unreversedExportedClaim() == null ? LineOutcome.AMENDED : LineOutcome.CORRECTED);
        }
        Long sent = state.unreversedExportedClaim();
        Placement placement = sent == null ? checked.placement()
                : calendar.placementForCorrection(ledger.earnedDateOf(sent));
        if (sent != null) {
            ledger.reverse(sent, placement);
        }
        ledger.rewrite(checked, placement);
        return sent == null ? Outcome.done(LineOutcome.CORRECTED)
                : Outcome.reversed(LineOutcome.CORRECTED, state.exportedIn());
    }

    /** Withdraws a line: drops its unsent claim and reverses what was sent. Empty when the line id is unknown. */
    Optional<Outcome> withdraw(String lineId) {
        return locked(lineId, state -> {
            if (state.withdrawn()) {
                return Outcome.done(LineOutcome.UNCHANGED);
            }
            if (state.hasPendingClaim()) {
                ledger.dropPendingClaim(state.pendingClaim());
            }
            Long sent = state.unreversedExportedClaim();
            if (sent != null) {
                ledger.reverse(sent, calendar.placementForCorrection(ledger.earnedDateOf(sent)));
            }
            ledger.markWithdrawn(state.lineId());
            return sent == null ? Outcome.done(LineOutcome.WITHDRAWN)
                    : Outcome.reversed(LineOutcome.WITHDRAWN, state.exportedIn());
        });
    }

    /**
     * Runs {@code change} on the locked line in one transaction. A write that missed its row, or a lock the database
     * gave up on, rolls the transaction back and it is tried again on a fresh state; after {@value #ATTEMPTS} tries
     * the change is refused with a conflict naming the file that last carried the line's claim.
     */
    private Optional<Outcome> locked(String lineId, Function<LineLedger.LineState, Outcome> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> ledger.lock(lineId).map(change));
            } catch (LineLedger.LedgerMoved | PessimisticLockingFailureException raced) {
                log.warn("Change of a timesheet line rolled back (attempt {} of {}): {}", attempt, ATTEMPTS,
                        raced.getClass().getSimpleName());
                if (attempt == ATTEMPTS) {
                    String file = ledger.fileOfLastSentClaim(lineId).orElse(null);
                    return Optional.of(Outcome.conflict(new FieldError("lineId", "could not be changed now: its"
                            + " ledger rows moved while the change was applied, so nothing was changed"
                            + (file == null ? "" : "; its latest claim went out in " + file)
                            + "; read the line and send the change again"), file));
                }
            }
        }
    }
}
