package health.patchwork.esr.absence.reconcile;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.support.leader.Leadership;
import health.patchwork.esr.support.logging.Redaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs reconciliation every {@code esr.absence.reconcile-interval}, first one interval after start-up, on the elected
 * leader only.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final Reconciler reconciler;
    private final AbsenceSettings settings;
    private final Leadership leadership;

    ReconcileSchedule(Reconciler reconciler, AbsenceSettings settings, Leadership leadership) {
        this.reconciler = reconciler;
        this.settings = settings;
        this.leadership = leadership;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runQuietly, settings.reconcileInterval(),
                settings.reconcileInterval()));
    }

    private void runQuietly() {
        try {
            leadership.runIfLeader(reconciler::run);
        } catch (RuntimeException e) {
            log.warn("Absence reconciliation failed; retrying at the next interval: {}", Redaction.describe(e));
        }
    }
}
