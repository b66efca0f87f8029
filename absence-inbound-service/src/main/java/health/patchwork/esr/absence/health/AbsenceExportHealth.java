package health.patchwork.esr.absence.health;

import java.time.Clock;
import java.time.Duration;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code export} in {@code /actuator/health}: the last AB file sent, files not confirmed on the mailbox, and absences
 * that a finalisation more than a day ago should have carried but that are still unsent (the export failed, e.g. the
 * mailbox was down). Those make it ATTENTION (HTTP 200, in neither the liveness nor the readiness group): ESR lacks
 * them, but restarting the service would not send them; finalising again or the monthly fallback will. Absences left
 * out for a validation problem are not counted: they wait for a correction and show on the reconciliation endpoint.
 */
@Component("export")
class AbsenceExportHealth extends DatabaseBackedHealthIndicator {

    private static final Duration OVERDUE_AFTER = Duration.ofDays(1);
    static final Status OVERDUE = Attention.because("absences of a finalised period are still unsent");

    private final AbsenceStore absences;
    private final FinalisedPeriods finalised;
    private final ExportLedger files;
    private final Clock clock;

    AbsenceExportHealth(AbsenceStore absences, FinalisedPeriods finalised, ExportLedger files, Clock clock) {
        this.absences = absences;
        this.finalised = finalised;
        this.files = files;
        this.clock = clock;
    }

    @Override
    protected Health check() {
        long overdue = absences.countLeftUnsentBy(finalised.finalisedBefore(clock.instant().minus(OVERDUE_AFTER)));
        return (overdue == 0 ? Health.up() : Health.status(OVERDUE))
                .withDetails(files.healthDetails())
                .withDetail("absencesOverdue", overdue)
                .build();
    }
}
