package health.patchwork.esr.attendance.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.support.payroll.PayDate;
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
    record Outcome(LineOutcome outcome, List<FieldError> errors, String exportedIn, boolean conflict,
                   PayDate payDate) {

        static Outcome done(LineOutcome outcome) {
            return new Outcome(outcome, List.of(), null, false, null);
        }

        static Outcome reversed(LineOutcome outcome, String exportedIn) {
            return new Outcome(outcome, List.of(), exportedIn, false, null);
        }

        static Outcome rejected(List<FieldError> errors) {
            return new Outcome(LineOutcome.REJECTED, List.copyOf(errors), null, false, null);
        }

        static Outcome conflict(FieldError error, String exportedIn) {
            return new Outcome(LineOutcome.REJECTED, List.of(error), exportedIn, true, null);
        }

        /** The same outcome, telling where the line's new claim goes. */
        Outcome paid(PayDate date) {
            return new Outcome(outcome, errors, exportedIn, conflict, date);
        }
    }

    private final LineValidator validator;
    private final AssignmentDirectory assignments;
    private final LinePlacement placement;
    private final LineLedger ledger;
    private final PayDates payDates;
    private final TransactionTemplate transactions;

    CorrectionService(LineValidator validator, AssignmentDirectory assignments, LinePlacement placement,
                      LineLedger ledger, PayDates payDates, TransactionTemplate transactions) {
        this.validator = validator;
        this.assignments = assignments;
        this.placement = placement;
        this.ledger = ledger;
        this.payDates = payDates;
        this.transactions = transactions;
    }

    Optional<Outcome> correct(String lineId, TimesheetLineRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.lineId() != null && !body.lineId().equals(lineId)) {
            errors.add(new FieldError("lineId", "must be left out or equal the line id in the path"));
        }
        CheckedLine fields = validator.check(0, "", body, lineId, errors);
        CheckedLine checked = null;
        if (fields != null) {
            var key = new AssignmentDirectory.Key(fields.values().assignmentNumber(), fields.values().earnedDate());
            LinePlacement.Placed placed = placement.placer(true).place(fields,
                    assignments.standing(List.of(key)).get(key), "");
            if (placed.accepted()) {
                checked = placed.line();
            } else {
                errors.add(placed.error());
            }
        }
        if (!errors.isEmpty()) {
            return Optional.of(Outcome.rejected(errors));
        }
        CheckedLine line = checked;
        return locked(lineId, state -> apply(state, line));
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
            return Outcome.done(state.unreversedExportedClaim() == null ? LineOutcome.AMENDED : LineOutcome.CORRECTED)
                    .paid(checked.payDate());
        }
        Long sent = state.unreversedExportedClaim();
        PayDate newClaim = checked.payDate();
        if (sent != null) {
            PayDate reversal = reversalOf(sent);
            ledger.reverse(sent, reversal.placement());
            // the new claim follows its reversal into the same file, unless its assignment is now on another payroll
            if (Objects.equals(reversal.payroll(), newClaim.payroll())) {
                newClaim = reversal;
            }
        }
        ledger.rewrite(checked, newClaim.placement());
        return (sent == null ? Outcome.done(LineOutcome.CORRECTED)
                : Outcome.reversed(LineOutcome.CORRECTED, state.exportedIn())).paid(newClaim);
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
                ledger.reverse(sent, reversalOf(sent).placement());
            }
            ledger.markWithdrawn(state.lineId());
            return sent == null ? Outcome.done(LineOutcome.WITHDRAWN)
                    : Outcome.reversed(LineOutcome.WITHDRAWN, state.exportedIn());
        });
    }

    /** Where the reversal of a sent claim goes: its own payroll, its own period while that is open. */
    private PayDate reversalOf(long sentClaim) {
        ExportEntries.Worked worked = ledger.workedOf(sentClaim);
        return payDates.runsAsSent().apply(payDates.correctionPayDate(payDates.ofStored(worked.payroll()),
                worked.date()));
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
