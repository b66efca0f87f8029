package health.patchwork.esr.support.leader;

import java.time.Duration;

import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * The lock-registry election, except that stopping waits until the lease has been given back. The parent only
 * interrupts its election thread and returns; the context would then close the database pool under that thread,
 * leaving the lease row behind for another instance to wait out. Waiting here lets a standby take over at its next
 * try instead of after the TTL.
 */
class HandingOverLeaderInitiator extends LockRegistryLeaderInitiator {

    private final Leadership leadership;
    private final Duration handOverTimeout;

    HandingOverLeaderInitiator(LockRegistry<?> locks, Leadership leadership, Duration handOverTimeout) {
        super(locks, leadership);
        this.leadership = leadership;
        this.handOverTimeout = handOverTimeout;
    }

    @Override
    public void stop() {
        super.stop();
        try {
            leadership.awaitStoodDown(handOverTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
