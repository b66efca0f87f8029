package health.patchwork.esr.outbound.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One file's report as operators read it, over REST ({@code /api/v1/files/{id}}) and the actuator
 * ({@code /actuator/esrfiles/{id}}) alike: the file as the caller lists files, its record counts, unknown record types,
 * validation report and every state change.
 *
 * @param <F> how the caller shows a file (each channel keeps the fields it always had)
 */
public record FileReport<F>(F file, Map<String, Object> recordCounts, Map<String, Object> unknownRecordTypes,
                            Object validation, List<Event> events) {

    /** One state change (or failed download) of the file. */
    public record Event(String state, String outcome, String detail, Instant at) {
    }
}
