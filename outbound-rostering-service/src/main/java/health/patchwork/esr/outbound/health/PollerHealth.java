package health.patchwork.esr.outbound.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.mailbox.PollTimes;
import health.patchwork.esr.support.leader.Leadership;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mailboxPoller} in {@code /actuator/health}: whether this instance's mailbox poller is alive. On the leader
 * it is DOWN once no poll has completed for three poll intervals plus {@link #ALLOWANCE} (counted from the last
 * completed poll, or from when this instance became leader), with since when a poll has been running if one is:
 * nothing else shows a poll that hangs, since the database and the mailbox may both answer their own probes. A
 * standby does not poll and is UP. Reads only {@link PollTimes} and {@link Leadership}: it never touches the
 * mailbox or the database.
 */
@Component("mailboxPoller")
public class PollerHealth implements HealthIndicator {

    /** Slack for a poll that imports a large file, and for the poller's own scheduling. */
    public static final Duration ALLOWANCE = Duration.ofMinutes(1);
    private static final int INTERVALS = 3;

    private final PollTimes times;
    private final Leadership leadership;
    private final OutboundSettings settings;
    private final Clock clock;

    public PollerHealth(PollTimes times, Leadership leadership, OutboundSettings settings, Clock clock) {
        this.times = times;
        this.leadership = leadership;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!settings.pollingEnabled()) {
            return Health.up().withDetail("polling", "off (esr.outbound.polling-enabled=false)").build();
        }
        if (!leadership.isLeader()) {
            return Health.up().withDetail("polling", "standby: this instance does not poll").build();
        }
        PollTimes.Snapshot poll = times.snapshot();
        Instant leaderSince = leadership.since();
        Instant reference = poll.lastCompleted() != null && poll.lastCompleted().isAfter(leaderSince)
                ? poll.lastCompleted() : leaderSince;
        Instant stuckAfter = reference.plus(settings.pollInterval().multipliedBy(INTERVALS)).plus(ALLOWANCE);
        boolean stuck = clock.instant().isAfter(stuckAfter);
        Health.Builder health = stuck ? Health.down() : Health.up();
        health.withDetail("polling", "leader: this instance polls every " + settings.pollInterval())
                .withDetail("lastPollCompleted", poll.lastCompleted() == null ? "none yet"
                        : poll.lastCompleted().toString())
                .withDetail("downIfNoneCompletedBy", stuckAfter.toString());
        if (poll.runningSince() != null) {
            health.withDetail("pollRunningSince", poll.runningSince().toString());
        }
        if (poll.lastFailure() != null) {
            health.withDetail("lastPollFailed", poll.lastFailure());
        }
        if (poll.lastSkipped() != null && poll.lastSkipped().isAfter(reference)) {
            health.withDetail("lastSkipped", poll.lastSkipped() + ": another instance held the poll lock");
        }
        if (stuck) {
            health.withDetail("stuck", "no poll has completed since " + reference
                    + (reference.equals(leaderSince) ? " (when this instance became leader)" : "")
                    + (poll.runningSince() != null ? "; a poll has been running since " + poll.runningSince()
                    : "; none is running"));
        }
        return health.build();
    }
}
