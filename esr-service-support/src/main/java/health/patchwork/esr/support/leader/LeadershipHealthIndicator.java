package health.patchwork.esr.support.leader;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Tells operators, on {@code /actuator/health} (component {@code leadership}), whether this instance runs the
 * scheduled work and since when. Always UP: a standby is as healthy as the leader, and the work is not lost while
 * it waits.
 */
public class LeadershipHealthIndicator implements HealthIndicator {

    private final Leadership leadership;

    public LeadershipHealthIndicator(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("leader", leadership.isLeader())
                .withDetail("since", leadership.since().toString())
                .withDetail("candidate", leadership.isCandidate())
                .withDetail("role", leadership.getRole())
                .withDetail("instance", leadership.getId())
                .build();
    }
}
