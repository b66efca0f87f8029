package health.patchwork.esr.absence.export;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import health.patchwork.esr.support.export.ExportException;
import health.patchwork.esr.support.export.ExportLock;

import org.springframework.stereotype.Component;

/**
 * One AB export at a time, across threads and instances. A stop-gap: {@link ExportLock#acquire()} in
 * esr-service-support takes its lock with {@code select pg_advisory_lock(?) is null or true}, which PostgreSQL
 * folds to {@code true} without calling the function, so the shared exporter does not actually exclude a second
 * exporter. This guard holds a lock of its own name with {@link ExportLock#tryAcquire()} (which does lock), polling
 * until it is free. Once the shared lock is fixed, this class can go; holding both is safe (always in the same order).
 */
@Component
class ExportGuard {

    private static final Duration POLL = Duration.ofMillis(100);

    private final ExportLock lock;
    private final Duration maxWait;

    ExportGuard(DataSource dataSource) {
        this.lock = new ExportLock(dataSource, "esr-export-AB-guard");
        this.maxWait = Duration.ofMinutes(10);
    }

    <T> T exclusively(Supplier<T> work) {
        try (ExportLock.Held held = waitForLock()) {
            return work.get();
        }
    }

    private ExportLock.Held waitForLock() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Optional<ExportLock.Held> held = lock.tryAcquire();
            if (held.isPresent()) {
                return held.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ExportException("another AB export has held the export lock for over " + maxWait.toMinutes()
                        + " minutes");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExportException("interrupted while waiting for the export lock", e);
            }
        }
    }
}
