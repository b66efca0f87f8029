package health.patchwork.esr.support.leader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import health.patchwork.esr.support.logging.Redaction;

/**
 * The one way every scheduled job of the suite runs, whatever triggers it (a cron, a poll interval): on the elected
 * leader only unless the work is this instance's own, with a failure logged (redacted), counted and left to the
 * job's next run, since a scheduler thread must not die of it. Each run is counted in {@code esr.scheduled.runs} by
 * job and outcome ({@code done}, {@code failed}, or {@code skipped} on a standby). The work still takes its own
 * advisory lock where it needs one: leadership is a lease, and two instances may briefly both believe they lead.
 */
public final class ScheduledWork {

    private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

    private final Leadership leadership;
    private final MeterRegistry meters;

    public ScheduledWork(Leadership leadership, MeterRegistry meters) {
        this.leadership = leadership;
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
    }

    /** Runs the job if this instance leads; a standby skips it. */
    public void onLeader(String job, Runnable work) {
        onLeader(job, null, work);
    }

    /** As {@link #onLeader(String, Runnable)}, naming what this run is about (a period, say) in its failure log. */
    public void onLeader(String job, String subject, Runnable work) {
        if (!leadership.isLeader()) {
            count(job, "skipped");
            return;
        }
        run(job, subject, work);
    }

    /** One run of a scheduled job, as its scope says. */
    public void run(ScheduledJob job) {
        if (job.scope() == ScheduledJob.Scope.EVERY_INSTANCE) {
            run(job.name(), null, job.work());
        } else if (!leadership.isLeader()) {
            count(job.name(), "skipped");
        } else {
            run(job.name(), job.subject().get(), job.work());
        }
    }

    /** Runs the job on every instance: work on this instance's own resources (its local files, say). */
    public void onEveryInstance(String job, Runnable work) {
        run(job, null, work);
    }

    private void run(String job, String subject, Runnable work) {
        try {
            work.run();
            count(job, "done");
        } catch (RuntimeException e) {
            count(job, "failed");
            log.error("Scheduled {}{} failed; its next run retries it: {}", job, subject == null ? "" : " for " + subject,
                    Redaction.describe(e));
        }
    }

    private void count(String job, String outcome) {
        Counter.builder("esr.scheduled.runs").tag("job", job).tag("outcome", outcome)
                .description("Runs of the scheduled jobs, by job and outcome (skipped: not the leader)")
                .register(meters).increment();
    }
}
