package health.patchwork.esr.support.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.support.SimpleTriggerContext;

/** Every scheduled job runs through ScheduledWork: on the leader only, a failure logged redacted and counted. */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledWorkTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Leadership leadership = new Leadership("scheduled-work-test", "instance-1", true, Clock.systemUTC());
    private final ScheduledWork scheduled = new ScheduledWork(leadership, meters);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aStandbySkipsLeaderWorkAndRunsItsOwn() {
        scheduled.onLeader("export", runs::incrementAndGet);
        assertThat(runs).hasValue(0);
        scheduled.onEveryInstance("purge", runs::incrementAndGet);
        assertThat(runs).hasValue(1);

        assertThat(count("export", "skipped")).isEqualTo(1);
        assertThat(count("purge", "done")).isEqualTo(1);
    }

    @Test
    void theLeaderRunsItAndAFailureIsLoggedWithoutItsMessageCountedAndNotThrown(CapturedOutput output) {
        leadership.onGranted(null);

        scheduled.onLeader("export", runs::incrementAndGet);
        scheduled.onLeader("export", "M2708", () -> {
            throw new IllegalStateException("Failing row contains (A000132, S13 Cold, Cough, Flu)");
        });

        assertThat(runs).hasValue(1);
        assertThat(count("export", "done")).isEqualTo(1);
        assertThat(count("export", "failed")).isEqualTo(1);
        assertThat(output.getAll()).contains("Scheduled export for M2708 failed; its next run retries it")
                .contains("IllegalStateException").doesNotContain("Failing row").doesNotContain("S13");
    }

    @Test
    void aJobRunsAsItsScopeSaysAndNamesItsSubjectWhenItFails(CapturedOutput output) {
        ScheduledJob export = ScheduledJob.onLeader("export", ScheduledJob.ukCron("0 0 18 * * *"), () -> {
            throw new IllegalStateException("A000132");
        }).about(() -> "M2708");
        ScheduledJob purge = ScheduledJob.onEveryInstance("purge", ScheduledJob.ukCron("0 30 3 * * *"),
                runs::incrementAndGet);

        scheduled.run(export);
        scheduled.run(purge);
        assertThat(count("export", "skipped")).isEqualTo(1);
        assertThat(runs).hasValue(1);

        leadership.onGranted(null);
        scheduled.run(export);
        assertThat(count("export", "failed")).isEqualTo(1);
        assertThat(output.getAll()).contains("Scheduled export for M2708 failed").doesNotContain("A000132");
    }

    @Test
    void aScheduleOfADashNeverFiresAndABadOneFailsAtOnce() {
        assertThat(ScheduledJob.ukCron(ScheduledJob.NEVER).nextExecution(new SimpleTriggerContext())).isNull();
        assertThat(ScheduledJob.ukCron("0 0 18 * * *").nextExecution(new SimpleTriggerContext())).isNotNull();
        assertThatThrownBy(() -> ScheduledJob.ukCron("at six every evening"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private double count(String job, String outcome) {
        var counter = meters.find("esr.scheduled.runs").tags("job", job, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
