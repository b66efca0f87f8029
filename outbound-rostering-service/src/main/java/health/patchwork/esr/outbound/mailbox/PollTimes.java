package health.patchwork.esr.outbound.mailbox;

import java.time.Clock;
import java.time.Instant;

import health.patchwork.esr.support.logging.Redaction;

import org.springframework.stereotype.Component;

/**
 * When this instance's polls of the mailbox started and finished, kept in memory for {@link health.patchwork.esr.outbound.health.PollerHealth}: each
 * instance answers for its own poller, and a poll that hangs (a stalled connection, a stuck disk) must show even
 * while the database and the mailbox look healthy.
 */
@Component
public class PollTimes {

    /** What {@link health.patchwork.esr.outbound.health.PollerHealth} reads: any of the instants may be null (not yet). */
    public record Snapshot(Instant lastStarted, Instant lastCompleted, Instant runningSince, String lastFailure,
                           Instant lastSkipped) {
    }

    private final Clock clock;
    private Instant lastStarted;
    private Instant lastCompleted;
    private Instant runningSince;
    private String lastFailure;
    private Instant lastSkipped;

    public PollTimes(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs one poll, recording its start and its end. A poll that fails has still completed: the poller is alive
     * and tries again next time (the mailbox's own health says why it failed), so only a poll that does not come
     * back, or polls that stop coming, turn the poller's health DOWN.
     */
    public void record(Runnable poll) {
        started();
        try {
            poll.run();
            completed(null);
        } catch (RuntimeException e) {
            completed(Redaction.describe(e));
            throw e;
        }
    }

    /** This instance leads but another holds the poll lock, so this one did not poll. */
    public synchronized void skipped() {
        lastSkipped = clock.instant();
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(lastStarted, lastCompleted, runningSince, lastFailure, lastSkipped);
    }

    private synchronized void started() {
        lastStarted = clock.instant();
        runningSince = lastStarted;
    }

    private synchronized void completed(String failure) {
        lastCompleted = clock.instant();
        runningSince = null;
        lastFailure = failure;
    }
}
