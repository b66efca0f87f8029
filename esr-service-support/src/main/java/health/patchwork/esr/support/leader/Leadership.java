package health.patchwork.esr.support.leader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;

/**
 * Whether this instance is the one that runs the scheduled work (mailbox polling, scheduled exports, reconciliation),
 * as decided by the election over the {@code INT_LOCK} table.
 * <p>
 * Election decides who <em>tries</em>; it does not by itself guarantee that work happens once. The lease is a row
 * with an expiry time: a leader frozen for longer than the lease (a long GC pause, a stalled disk) can wake up still
 * believing it leads while another instance has taken over. What guarantees exactly once is the PostgreSQL advisory
 * lock each piece of work takes on a live connection (the poll lock, the export locks): the database releases it
 * only when its holder lets go or its session ends, so it cannot lapse under a paused holder.
 */
public class Leadership implements Candidate {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final String role;
    private final String id;
    private final boolean candidate;
    private final Clock clock;
    private boolean leader;
    private Instant since;

    public Leadership(String role, String id, boolean candidate, Clock clock) {
        this.role = role;
        this.id = id;
        this.candidate = candidate;
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public String getRole() {
        return role;
    }

    /** This instance's id in the lock table ({@code INT_LOCK.CLIENT_ID}). */
    @Override
    public String getId() {
        return id;
    }

    public boolean isCandidate() {
        return candidate;
    }

    public synchronized boolean isLeader() {
        return leader;
    }

    /** When this instance last became leader or stopped being it (or started, if neither happened yet). */
    public synchronized Instant since() {
        return since;
    }

    /**
     * Runs scheduled work if this instance leads, and skips it otherwise; returns whether it ran. The work still
     * takes its own advisory lock: see the class comment.
     */
    public boolean runIfLeader(Runnable work) {
        if (!isLeader()) {
            return false;
        }
        work.run();
        return true;
    }

    @Override
    public synchronized void onGranted(Context context) {
        leader = true;
        since = clock.instant();
        log.info("This instance ({}) now leads {} and runs its scheduled work", id, role);
        notifyAll();
    }

    @Override
    public synchronized void onRevoked(Context context) {
        if (leader) {
            // also on a normal shutdown; when the lease was lost, another instance now leads
            log.info("This instance ({}) no longer leads {}", id, role);
        }
        leader = false;
        since = clock.instant();
        notifyAll();
    }

    /** Waits, at most {@code timeout}, until this instance no longer leads; returns whether it has stood down. */
    synchronized boolean awaitStoodDown(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (leader) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
