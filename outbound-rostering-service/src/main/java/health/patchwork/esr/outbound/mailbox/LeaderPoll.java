package health.patchwork.esr.outbound.mailbox;

import java.time.Instant;

import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.support.leader.Leadership;
import health.patchwork.esr.support.leader.ScheduledWork;

import org.springframework.context.event.EventListener;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.scheduling.TaskScheduler;

/**
 * One scheduled poll of the mailbox: only on the elected leader, and there under the {@link PollLock}, which is what
 * guarantees a file is taken once (see {@link Leadership}). Each poll's start and end go to {@link PollTimes}, which
 * {@link health.patchwork.esr.outbound.health.PollerHealth} reads.
 */
public class LeaderPoll {

    /** The poll's name in logs and in {@code esr.scheduled.runs}. */
    static final String JOB = "mailbox poll";

    private final MailboxPickup pickup;
    private final FileProcessor processor;
    private final PollLock lock;
    private final ScheduledWork scheduled;
    private final TaskScheduler scheduler;
    private final PollTimes times;

    public LeaderPoll(MailboxPickup pickup, FileProcessor processor, PollLock lock, ScheduledWork scheduled,
                      TaskScheduler scheduler, PollTimes times) {
        this.pickup = pickup;
        this.processor = processor;
        this.lock = lock;
        this.scheduled = scheduled;
        this.scheduler = scheduler;
        this.times = times;
    }

    /** Polls if this instance leads and no other instance is polling. */
    public void run() {
        // the mailbox or database may be briefly unreachable: a failed poll is tried again next time
        scheduled.onLeader(JOB, this::pollUnderLock);
    }

    /** The scheduled poll's work, once the leader check is passed: a poll unless another instance is polling. */
    void pollUnderLock() {
        underLock(pickup::poll);
    }

    private void underLock(Runnable poll) {
        if (!lock.runIfFree(() -> times.record(poll))) {
            times.skipped();
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
        scheduler.schedule(() -> scheduled.onLeader(JOB, () -> underLock(() -> {
            processor.processUnfinished();
            pickup.poll();
        })), Instant.now());
    }
}
