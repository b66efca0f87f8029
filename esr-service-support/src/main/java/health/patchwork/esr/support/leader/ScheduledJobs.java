package health.patchwork.esr.support.leader;

import java.util.List;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Registers every {@link ScheduledJob} bean of the service with Spring's scheduler, each run going through
 * {@link ScheduledWork}. The only place a service's timed work is scheduled: no {@code @Scheduled} methods, no
 * Spring Integration pollers used as timers.
 */
final class ScheduledJobs implements SchedulingConfigurer {

    private final List<ScheduledJob> jobs;
    private final ScheduledWork work;

    ScheduledJobs(List<ScheduledJob> jobs, ScheduledWork work) {
        this.jobs = List.copyOf(jobs);
        this.work = work;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        jobs.forEach(job -> registrar.addTriggerTask(() -> work.run(job), job.trigger()));
    }

    List<ScheduledJob> jobs() {
        return jobs;
    }
}
