package health.patchwork.esr.absence.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.absence.store.NewAbsence;
import health.patchwork.esr.absence.store.StoredAbsence;
import health.patchwork.esr.support.web.FieldError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes absences in and changes them. The platform's absence id is the idempotency key: a retry with the same
 * content changes nothing, different content under a known id is refused (changes go through the update operations).
 */
@Service
public class AbsenceIntake {

    private static final Logger log = LoggerFactory.getLogger(AbsenceIntake.class);

    private final AbsenceValidator validator;
    private final AbsenceStore store;
    private final AbsenceSettings settings;
    private final Clock clock;

    AbsenceIntake(AbsenceValidator validator, AbsenceStore store, AbsenceSettings settings, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public BatchResult submit(AbsenceBatch batch) {
        if (batch == null || batch.absences() == null || batch.absences().isEmpty()) {
            throw AbsenceProblems.invalid(List.of(new FieldError("absences", "must hold at least one absence")));
        }
        if (batch.absences().size() > settings.maxBatchSize()) {
            throw AbsenceProblems.invalid(List.of(new FieldError("absences",
                    "must hold at most " + settings.maxBatchSize() + " absences")));
        }
        List<BatchResult.Item> items = new ArrayList<>();
        for (int i = 0; i < batch.absences().size(); i++) {
            items.add(submitOne(i, batch.absences().get(i)));
        }
        BatchResult result = BatchResult.of(items);
        log.info("Absence batch: {} accepted, {} rejected", result.accepted(), result.rejected());
        return result;
    }

    private BatchResult.Item submitOne(int index, AbsenceRequest item) {
        String path = "absences[" + index + "]";
        if (item == null) {
            return rejected(index, null, List.of(new FieldError(path, "must be an absence")));
        }
        AbsenceValidator.Outcome outcome = validator.validate(item, path);
        if (!outcome.errors().isEmpty()) {
            // echo the id only when it is one: the index identifies the item, and a value is never repeated
            String id = item.absenceId() != null && EsrReference.PLATFORM_ID.matcher(item.absenceId()).matches()
                    ? item.absenceId() : null;
            return rejected(index, id, outcome.errors());
        }
        NewAbsence absence = outcome.absence();
        if (store.insert(absence, clock.instant())) {
            return new BatchResult.Item(index, item.absenceId(), absence.reference(), BatchResult.Outcome.CREATED,
                    List.of());
        }
        Optional<StoredAbsence> stored = store.find(absence.absenceId());
        if (stored.isEmpty()) {
            // not inserted and not there: another absence holds the ESR reference this id derives to
            return rejected(index, item.absenceId(), List.of(new FieldError(path + ".absenceId",
                    "derives to an ESR reference another absence already has; send it under another id")));
        }
        StoredAbsence existing = stored.get();
        if (existing.requestHash().equals(absence.requestHash())
                || !existing.cancelled() && existing.details().equals(absence.details())) {
            return new BatchResult.Item(index, item.absenceId(), existing.reference(), BatchResult.Outcome.UNCHANGED,
                    List.of());
        }
        return rejected(index, item.absenceId(), List.of(new FieldError(path + ".absenceId",
                "was already received with different content; change it with PUT /api/v1/absences/{absenceId}/dates,"
                        + " POST …/end or POST …/cancel")));
    }

    private static BatchResult.Item rejected(int index, String absenceId, List<FieldError> errors) {
        return new BatchResult.Item(index, absenceId, null, BatchResult.Outcome.REJECTED, errors);
    }

    /** New dates for an absence not cancelled; re-validated as a whole. */
    @Transactional
    public void changeDates(String absenceId, DatesChange change) {
        StoredAbsence stored = store.find(absenceId).orElseThrow(AbsenceProblems::notFound);
        if (stored.cancelled()) {
            throw AbsenceProblems.conflict("The absence is cancelled; send a new absence instead.");
        }
        AbsenceRequest old = AbsenceRequest.of(stored);
        apply(stored, new AbsenceRequest(old.absenceId(), old.assignmentNumber(), old.category(), old.reason(),
                change.startDate(), change.startTime(), change.endDate(), change.endTime(), change.units(),
                change.openEnded(), change.returnToWorkDate(), old.notificationDate()));
    }

    /** Closes an open-ended sickness. */
    @Transactional
    public void end(String absenceId, EndOfAbsence end) {
        StoredAbsence stored = store.find(absenceId).orElseThrow(AbsenceProblems::notFound);
        if (stored.cancelled()) {
            throw AbsenceProblems.conflict("The absence is cancelled.");
        }
        if (!stored.details().openEnded()) {
            throw AbsenceProblems.conflict("The absence is not open-ended; change its dates instead.");
        }
        AbsenceRequest old = AbsenceRequest.of(stored);
        apply(stored, new AbsenceRequest(old.absenceId(), old.assignmentNumber(), old.category(), old.reason(),
                old.startDate(), old.startTime(), end.endDate(), end.endTime(), end.units(), false,
                end.returnToWorkDate(), old.notificationDate()));
    }

    /** Cancels an absence; once sent, the next file withdraws it (DEL). Cancelling twice is a no-op. */
    @Transactional
    public void cancel(String absenceId) {
        store.find(absenceId).orElseThrow(AbsenceProblems::notFound);
        store.cancel(absenceId, clock.instant());
    }

    private void apply(StoredAbsence stored, AbsenceRequest changed) {
        AbsenceValidator.Outcome outcome = validator.validate(changed, "");
        if (!outcome.errors().isEmpty()) {
            throw AbsenceProblems.invalid(outcome.errors());
        }
        if (!outcome.absence().details().equals(stored.details())) {
            if (!store.update(stored.absenceId(), stored.revision(), outcome.absence().details(),
                    outcome.absence().period(), clock.instant())) {
                throw AbsenceProblems.concurrentChange();
            }
        }
    }
}
