package health.patchwork.esr.absence.intake;

import java.util.List;

import health.patchwork.esr.support.web.FieldError;

/**
 * What happened to each absence of a batch, in the order sent.
 *
 * @param accepted items stored now or already stored with the same content
 * @param rejected items refused; the others of the batch are kept
 */
public record BatchResult(int accepted, int rejected, List<Item> results) {

    /** CREATED: stored. UNCHANGED: already stored with this content (a retry). REJECTED: see errors. */
    public enum Outcome { CREATED, UNCHANGED, REJECTED }

    /**
     * @param absenceId    the platform's id, the idempotency key
     * @param esrReference the third-party reference ESR knows the absence by (ABS field 18); null when rejected
     */
    public record Item(int index, String absenceId, String esrReference, Outcome outcome, List<FieldError> errors) {
    }

    static BatchResult of(List<Item> items) {
        int rejected = (int) items.stream().filter(i -> i.outcome() == Outcome.REJECTED).count();
        return new BatchResult(items.size() - rejected, rejected, items);
    }
}
