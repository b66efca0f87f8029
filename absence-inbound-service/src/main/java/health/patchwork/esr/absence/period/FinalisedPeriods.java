package health.patchwork.esr.absence.period;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code finalised_period}: payroll periods whose rosters are final, so their absences may go to ESR. A
 * finalisation is of one payroll's period (payroll null: the single payroll of a deployment without payroll settings).
 */
@Repository
public class FinalisedPeriods {

    /**
     * How long after a finalisation its absences may still be unsent before the export is overdue (the export runs
     * at once; a failed one is tried by the next finalisation or the fallback). Health and {@code export.overdue}
     * agree on it.
     */
    public static final Duration OVERDUE_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;

    public FinalisedPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the finalisation unless the period already is final; true when recorded now. */
    public boolean finalise(PayrollPeriod period, Instant at, String by) {
        return jdbc.sql("""
                insert into finalised_period (payroll, period_type, period_key, finalised_at, finalised_by)
                values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(period.payroll(), String.valueOf(period.type().code()), period.key(), Timestamp.from(at), by)
                .update() == 1;
    }

    public Optional<Finalisation> find(PayrollPeriod period) {
        return jdbc.sql("""
                select finalised_at, finalised_by from finalised_period
                where payroll is not distinct from ? and period_type = ? and period_key = ?""")
                .params(period.payroll(), String.valueOf(period.type().code()), period.key())
                .query((rs, n) -> new Finalisation(rs.getTimestamp(1).toInstant(), rs.getString(2))).optional();
    }

    /**
     * The finalisations made before {@code cutoff}, of every payroll; within one payroll of any period type (the
     * overdue check never told them apart).
     */
    public List<Finalised> finalisedBefore(Instant cutoff) {
        return jdbc.sql("select payroll, period_key, finalised_at from finalised_period where finalised_at < ?")
                .param(Timestamp.from(cutoff))
                .query((rs, n) -> new Finalised(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** When and by whom (the finalising token's actor claim, or "schedule") a period was finalised. */
    public record Finalisation(Instant at, String by) {
    }

    /** A payroll's period (its key) and when it was finalised. */
    public record Finalised(String payroll, int periodKey, Instant at) {
    }
}
