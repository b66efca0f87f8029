package health.patchwork.esr.absence.reconcile;

import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.support.metrics.DatabaseGauge;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Absences sent to ESR whose latest version ESR has not yet echoed back (within the window or not). */
@Component
class UnconfirmedGauge {

    UnconfirmedGauge(AbsenceStore absences, MeterRegistry meters) {
        DatabaseGauge.register(meters, "esr.absence.unconfirmed",
                "Absences sent to ESR whose latest sent version ESR has not echoed yet", absences::countUnconfirmed);
    }
}
