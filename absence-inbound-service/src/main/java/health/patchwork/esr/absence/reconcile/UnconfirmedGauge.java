package health.patchwork.esr.absence.reconcile;

import health.patchwork.esr.support.metrics.DatabaseGauge;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Absences sent to ESR whose latest version ESR has not yet echoed back (within the window or not). */
@Component
class UnconfirmedGauge {

    UnconfirmedGauge(JdbcClient jdbc, MeterRegistry meters) {
        DatabaseGauge.register(meters, "esr.absence.unconfirmed",
                "Absences sent to ESR whose latest sent version ESR has not echoed yet",
                () -> jdbc.sql("""
                        select count(*) from absence
                        where sent_revision is not null and not cancelled
                          and coalesce(confirmed_revision, -1) < sent_revision""").query(Long.class).single());
    }
}
