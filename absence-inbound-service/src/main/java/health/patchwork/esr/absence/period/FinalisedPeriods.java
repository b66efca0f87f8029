package health.patchwork.esr.absence.period;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code finalised_period}: periods whose rosters are final, so their absences may go to ESR. */
@Repository
public class FinalisedPeriods {

    private final JdbcClient jdbc;
    private final PayrollPeriods periods;

    public FinalisedPeriods(JdbcClient jdbc, PayrollPeriods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    /** Records the finalisation unless the period already is final; true when recorded now. */
    public boolean finalise(int periodKey, Instant at, String by) {
        return jdbc.sql("""
                insert into finalised_period (period_type, period_key, finalised_at, finalised_by) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(String.valueOf(periods.type().code()), periodKey, Timestamp.from(at), by).update() == 1;
    }

    public Optional<Finalisation> find(int periodKey) {
        return jdbc.sql("select finalised_at, finalised_by from finalised_period where period_type = ? and period_key = ?")
                .params(String.valueOf(periods.type().code()), periodKey)
                .query((rs, n) -> new Finalisation(rs.getTimestamp(1).toInstant(), rs.getString(2))).optional();
    }

    /** The finalisations made before {@code cutoff}, of any period type (the overdue check never told them apart). */
    public List<Finalised> finalisedBefore(Instant cutoff) {
        return jdbc.sql("select period_key, finalised_at from finalised_period where finalised_at < ?")
                .param(Timestamp.from(cutoff))
                .query((rs, n) -> new Finalised(rs.getInt(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** When and by whom (the finalising token's actor claim, or "schedule") a period was finalised. */
    public record Finalisation(Instant at, String by) {
    }

    /** A period (its key) and when it was finalised. */
    public record Finalised(int periodKey, Instant at) {
    }
}
