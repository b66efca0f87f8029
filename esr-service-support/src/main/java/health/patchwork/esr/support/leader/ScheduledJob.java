package health.patchwork.esr.support.leader;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * A job a service runs on a trigger: declared as a bean, registered by {@link ScheduledJobs} and run through
 * {@link ScheduledWork}, which is the one way the suite's timed work runs (leader check, redacted failure log,
 * {@code esr.scheduled.runs}). A schedule set to {@code "-"} never fires, as the suite's settings document it.
 *
 * @param name    the job's name in logs and in the {@code job} tag of {@code esr.scheduled.runs}
 * @param scope   whether only the elected leader runs it, or every instance (work on its own local files)
 * @param trigger when it runs
 * @param subject what a run is about (a period, say), named in its failure log; evaluated at each run
 * @param work    the work itself
 */
public record ScheduledJob(String name, Scope scope, Trigger trigger, Supplier<String> subject, Runnable work) {

    /** UK time: ESR's cut-offs and the Trusts' working days are in it, whatever the host's zone. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    /** The schedule value that switches a job off. */
    public static final String NEVER = "-";

    public enum Scope { LEADER, EVERY_INSTANCE }

    public ScheduledJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(work, "work");
    }

    /** A job only the elected leader runs: a standby counts it as skipped. */
    public static ScheduledJob onLeader(String name, Trigger trigger, Runnable work) {
        return new ScheduledJob(name, Scope.LEADER, trigger, () -> null, work);
    }

    /** A job every instance runs, on resources of its own. */
    public static ScheduledJob onEveryInstance(String name, Trigger trigger, Runnable work) {
        return new ScheduledJob(name, Scope.EVERY_INSTANCE, trigger, () -> null, work);
    }

    /** This job, naming what each run is about in its failure log. */
    public ScheduledJob about(Supplier<String> what) {
        return new ScheduledJob(name, scope, trigger, what, work);
    }

    /**
     * A Spring cron expression (six fields) in UK time, or a trigger that never fires for {@code "-"}. An invalid
     * expression fails here, at start-up, rather than at the first run.
     */
    public static Trigger ukCron(String expression) {
        return NEVER.equals(expression) ? context -> null : new CronTrigger(expression, UK);
    }

    /** Every {@code delay} from the end of the previous run, the first {@code initialDelay} after start-up. */
    public static Trigger everyAfter(Duration delay, Duration initialDelay) {
        PeriodicTrigger trigger = new PeriodicTrigger(delay);
        trigger.setInitialDelay(initialDelay);
        return trigger;
    }
}
