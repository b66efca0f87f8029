package health.patchwork.esr.reliability.export;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;

/**
 * The platform's changes to items it has already posted to one inbound service, and the three views of an item that
 * the corrections-during-export scenario compares: what the platform was told, what the service holds, and what
 * ESR holds once it has applied every file in order. States are short canonical texts, comparable as strings.
 */
interface ChangeTraffic {

    /** The state ESR holds of an item it has never been sent, or that was withdrawn. */
    String NOTHING = "-";

    ExportingService service();

    /** The state of an item as {@link ExportingService#post} posts it on {@code day}. */
    String posted(LocalDate day);

    /**
     * Sends one change of {@code id} (posted on {@code assignment}), drawn at random; the platform believed
     * {@code believed} before it.
     *
     * @return what the platform believes after the answer: the change on a 2xx, {@code believed} when it was refused
     *         out loud (a 409, or a 422 the state explains)
     * @throws UnexpectedAnswer for any other answer: a refusal of a valid change, a 5xx
     */
    Answer change(HarnessHttp http, String baseUrl, String id, String assignment, String believed, LocalDate day,
            Random random);

    /** What ESR holds of an item, given the service's state of it: {@link #NOTHING} for a withdrawn one. */
    String inEsr(String serviceState);

    /** Applies one data row of a file to ESR's view, keyed by item id; ignores header and trailer. */
    void apply(InboundRecord row, Map<String, String> esr);

    /** Every item the service holds, by id: its current state in the same form as {@link #posted}. */
    Map<String, String> inService(HarnessDatabase database) throws SQLException;

    /** What the platform believes of the item after an answer, and whether the change was refused. */
    record Answer(String believed, boolean refused) {

        static Answer done(String state) {
            return new Answer(state, false);
        }

        static Answer refused(String believed) {
            return new Answer(believed, true);
        }
    }

    /** An answer the platform could not have acted on: the trial fails with it. */
    final class UnexpectedAnswer extends RuntimeException {

        UnexpectedAnswer(String what) {
            super(what);
        }
    }
}
