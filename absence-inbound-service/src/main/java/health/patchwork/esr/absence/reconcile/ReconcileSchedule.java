package health.patchwork.esr.absence.reconcile;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.support.leader.ScheduledJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs reconciliation every {@code esr.absence.reconcile-interval}, first one interval after start-up, on the elected
 * leader only.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileSchedule {

    @Bean
    ScheduledJob absenceReconciliation(Reconciler reconciler, AbsenceSettings settings) {
        return ScheduledJob.onLeader("absence reconciliation",
                ScheduledJob.everyAfter(settings.reconcileInterval(), settings.reconcileInterval()), reconciler::run);
    }
}
