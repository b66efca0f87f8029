package health.patchwork.esr.outbound.sequence;

import health.patchwork.esr.formats.validate.SequenceState;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one-row {@code sequence_state} table. */
@Repository
public class SequenceStore {

    private final JdbcClient jdbc;

    public SequenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SequenceState read() {
        return jdbc.sql("select last_seq, last_run_date, baseline, refresh_pending, refresh_requested_on"
                        + " from sequence_state where id = 1")
                .query((rs, n) -> new SequenceState(rs.getLong(1), rs.getObject(2, LocalDateTime.class),
                        rs.getBoolean(3), rs.getBoolean(4), rs.getObject(5, LocalDate.class)))
                .single();
    }

    /** A change file was applied. */
    public void changeApplied(long sequence, LocalDateTime runDate) {
        jdbc.sql("update sequence_state set last_seq = :seq, last_run_date = :run, updated_at = now()")
                .param("seq", sequence).param("run", runDate).update();
    }

    /** A full file was applied: the baseline is (re)set and any pending request is answered. */
    public void fullApplied(long lastSeq, LocalDateTime runDate) {
        jdbc.sql("update sequence_state set last_seq = :seq, last_run_date = :run, baseline = true,"
                        + " refresh_pending = false, updated_at = now()")
                .param("seq", lastSeq).param("run", runDate).update();
    }

    public void refreshRequested(LocalDate on) {
        jdbc.sql("update sequence_state set refresh_pending = true, refresh_requested_on = :on, updated_at = now()")
                .param("on", on).update();
    }

    /** A gap or a missing baseline was seen, whether or not a request could be sent today. */
    public void refreshNeeded() {
        jdbc.sql("update sequence_state set refresh_pending = true, updated_at = now()").update();
    }
}
