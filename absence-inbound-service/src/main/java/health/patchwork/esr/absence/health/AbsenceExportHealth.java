package health.patchwork.esr.absence.health;

import java.time.Clock;
import java.util.List;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;
import health.patchwork.esr.support.payroll.PayrollCalendar;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code export} in {@code /actuator/health}: the last AB file sent, files not confirmed on the mailbox, and absences
 * that a finalisation more than a day ago should have carried but that are still unsent (the export failed, e.g. the
 * mailbox was down). Those make it ATTENTION (HTTP 200, in neither the liveness nor the readiness group): ESR lacks
 * them, but restarting the service would not send them; finalising again or the monthly fallback will. Absences left
 * out for a validation problem are not counted: they wait for a correction and show on the reconciliation endpoint.
 * Absences waiting for a payroll the settings no longer name make it ATTENTION too: no finalisation carries them until
 * {@code esr.payrolls} names it again.
 */
@Component("export")
class AbsenceExportHealth extends DatabaseBackedHealthIndicator {

    static final Status OVERDUE = Attention.because("absences of a finalised period are still unsent");
    static final Status UNKNOWN_PAYROLL = Attention.because("absences wait for a payroll esr.payrolls does not name");

    private final AbsenceStore absences;
    private final FinalisedPeriods finalised;
    private final ExportLedger files;
    private final List<String> payrolls;
    private final Clock clock;

    AbsenceExportHealth(AbsenceStore absences, FinalisedPeriods finalised, ExportLedger files,
            PayrollPeriods periods, Clock clock) {
        this.absences = absences;
        this.finalised = finalised;
        this.files = files;
        this.payrolls = periods.all().stream().map(PayrollCalendar::name).toList();
        this.clock = clock;
    }

    @Override
    protected Health check() {
        long overdue = absences.countLeftUnsentBy(finalised.finalisedBefore(clock.instant().minus(FinalisedPeriods.OVERDUE_AFTER)));
        long unknownPayroll = absences.countWaitingOutside(payrolls);
        return (overdue > 0 ? Health.status(OVERDUE) : unknownPayroll > 0 ? Health.status(UNKNOWN_PAYROLL)
                : Health.up())
                .withDetails(files.healthDetails())
                .withDetail("absencesOverdue", overdue)
                .withDetail("absencesOfUnknownPayroll", unknownPayroll)
                .build();
    }
}
