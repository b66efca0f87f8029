package health.patchwork.esr.outbound.mailbox;

import java.time.Instant;

import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.support.leader.Leadership;
import health.patchwork.esr.support.logging.Redaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.scheduling.TaskScheduler;

/**
 * One scheduled poll of the mailbox: only on the elected leader, and there under the {@link PollLock}, which is what
 * guarantees a file is taken once (see {@link Leadership}). Each poll's start and end go to {@link PollTimes}, which
 * {@link health.patchwork.esr.outbound.health.PollerHealth} reads.
 */
public class LeaderPoll {

    private static final Logger log = LoggerFactory.getLogger(LeaderPoll.class);

    private final MailboxPickup pickup;
    private final FileProcessor processor;
    private final PollLock lock;
    private final Leadership leadership;
    private final TaskScheduler scheduler;
    private final PollTimes times;

    public LeaderPoll(MailboxPickup pickup, FileProcessor processor, PollLock lock, Leadership leadership,
                      TaskScheduler scheduler, PollTimes times) {
        this.pickup = pickup;
        this.processor = processor;
        this.lock = lock;
        this.leadership = leadership;
        this.scheduler = scheduler;
        this.times = times;
    }

    /** Polls if this instance leads and no other instance is polling. */
    public void run() {
        runIfLeader(pickup::poll);
    }

    private void runIfLeader(Runnable poll) {
        try {
            leadership.runIfLeader(() -> {
                if (!lock.runIfFree(() -> times.record(poll))) {
                    times.skipped();
                }
            });
        } catch (RuntimeException e) {
            // the mailbox or database may be briefly unreachable: try again next time
            log.error("Mailbox poll failed: {}", Redaction.describe(e));
        }
    }

    /**
     * A newly elected leader polls at once (at start-up, or taking over from one that stopped) instead of waiting up
     * to a poll interval, first carrying on with files a previous run downloaded but did not apply, even while the
     * mailbox is unreachable. On the scheduler, never on the election's own thread: a long import there would hold
     * up the renewal of the lease.
     */
    @EventListener(OnGrantedEvent.class)
    void pollWhenElected() {
        scheduler.schedule(() -> runIfLeader(() -> {
            processor.processUnfinished();
            pickup.poll();
        }), Instant.now());
    }
}
