package health.patchwork.esr.absence.reconcile;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.support.leader.ScheduledWork;

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

    private final Reconciler reconciler;
    private final AbsenceSettings settings;
    private final ScheduledWork scheduled;

    ReconcileSchedule(Reconciler reconciler, AbsenceSettings settings, ScheduledWork scheduled) {
        this.reconciler = reconciler;
        this.settings = settings;
        this.scheduled = scheduled;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(() -> scheduled.onLeader("absence reconciliation",
                reconciler::run), settings.reconcileInterval(), settings.reconcileInterval()));
    }
}
