package health.patchwork.esr.absence.reconcile;

import health.patchwork.esr.absence.config.AbsenceSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs reconciliation every {@code esr.absence.reconcile-interval}, first one interval after start-up. */
@Configuration(proxyBeanMethods = false)
class ReconcileSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final Reconciler reconciler;
    private final AbsenceSettings settings;

    ReconcileSchedule(Reconciler reconciler, AbsenceSettings settings) {
        this.reconciler = reconciler;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runQuietly, settings.reconcileInterval(),
                settings.reconcileInterval()));
    }

    private void runQuietly() {
        try {
            reconciler.run();
        } catch (RuntimeException e) {
            log.warn("Absence reconciliation failed; retrying at the next interval", e);
        }
    }
}
