package health.patchwork.esr.support.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import health.patchwork.esr.support.logging.Redaction;

import org.springframework.context.SmartLifecycle;

/**
 * Logs in to the mailbox on a schedule ({@code esr.mailbox.health-probe-interval}) on a fresh connection, so a
 * host key that changed since the pooled sessions connected shows, and lists the service's folders. Health reads
 * the result from {@link MailboxActivity}: a health request never connects to ESR, however often it comes.
 */
public class MailboxHealthProbe implements SmartLifecycle {

    private final MailboxClient probe;
    private final MailboxActivity activity;
    private final MailboxSettings settings;
    private final List<String> folders;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public MailboxHealthProbe(MailboxClient probe, MailboxActivity activity, MailboxSettings settings,
                              List<String> folders, Clock clock) {
        this.probe = probe;
        this.activity = activity;
        this.settings = settings;
        this.folders = List.copyOf(folders);
        this.clock = clock;
    }

    /** One probe now; also what the schedule runs. */
    public MailboxActivity.Outcome probeNow() {
        String what = "probe " + String.join(", ", folders);
        MailboxActivity.Outcome outcome;
        try {
            folders.forEach(probe::probe);
            outcome = new MailboxActivity.Outcome(what, clock.instant(), true, null);
        } catch (MailboxException e) {
            outcome = new MailboxActivity.Outcome(what, clock.instant(), false, Redaction.message(e));
        } catch (RuntimeException e) {
            outcome = new MailboxActivity.Outcome(what, clock.instant(), false,
                    "probe failed: " + e.getClass().getSimpleName());
        }
        activity.probed(outcome);
        return outcome;
    }

    public List<String> folders() {
        return folders;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mailbox-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.healthProbeInterval().toMillis();
        timer.scheduleWithFixedDelay(this::probeNow, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    Instant now() {
        return clock.instant();
    }
}
