package health.patchwork.esr.support.mailbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a mailbox operation that runs past its deadline by closing its SSH session: every wait inside MINA then
 * fails at once, the caller's exception says why, and the session is never handed out again. The read timeout
 * bounds each answer; this bounds the whole transfer, so a server that trickles a byte now and then cannot hold a
 * poll or an export for hours.
 */
final class TransferWatchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mailbox-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private TransferWatchdog() {
    }

    static Armed arm(Duration deadline, Runnable onExpiry) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> task = TIMER.schedule(() -> {
            expired.set(true);
            onExpiry.run();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        return new Armed(task, expired, deadline);
    }

    /** A deadline being watched; {@link #close()} once the operation is over. */
    record Armed(ScheduledFuture<?> task, AtomicBoolean expiredFlag, Duration deadline) implements AutoCloseable {

        boolean expired() {
            return expiredFlag.get();
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }
}
