package health.patchwork.esr.support.leader;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Leader election among the instances of one service that share its database schema. No setting is needed for a
 * single instance: it elects itself at start-up.
 *
 * @param candidate whether this instance stands for election; {@code false} makes it an instance that serves REST
 *                  calls only and never runs the scheduled work
 * @param ttl how long the leader's lease lasts unless renewed: the longest the scheduled work waits for another
 *            instance after the leader's process dies
 */
@Validated
@ConfigurationProperties("esr.leader")
public record LeaderSettings(
        @DefaultValue("true") boolean candidate,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration ttl) {

    /**
     * How often the leader renews its lease and a standby asks for it: three times per lease, so that one late
     * renewal (a slow query, a short pause) does not cost the leadership.
     */
    public Duration heartbeat() {
        return ttl.dividedBy(3);
    }
}
