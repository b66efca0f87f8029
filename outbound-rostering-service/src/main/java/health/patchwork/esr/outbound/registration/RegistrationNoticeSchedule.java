package health.patchwork.esr.outbound.registration;

import java.time.Clock;
import java.time.Duration;

import health.patchwork.esr.support.leader.ScheduledJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.Trigger;

/**
 * Runs {@link RegistrationNotices} on the leader: daily on {@code esr.outbound.registration-notices.schedule} (06:15
 * UK time by default, "-" for never), and once soon after start-up, so a morning missed while no instance ran is
 * caught up the same day. Its once-keys make the extra run harmless.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationNoticeSchedule {

    /** The first run after start-up: late enough for the election to have settled. */
    static final Duration AFTER_START_UP = Duration.ofMinutes(2);

    @Bean
    ScheduledJob registrationNoticesJob(RegistrationNotices notices, RegistrationNoticeSettings settings, Clock clock) {
        Trigger daily = ScheduledJob.ukCron(settings.schedule());
        Trigger trigger = ScheduledJob.NEVER.equals(settings.schedule()) ? daily
                : context -> context.lastCompletion() == null ? clock.instant().plus(AFTER_START_UP)
                : daily.nextExecution(context);
        return ScheduledJob.onLeader("registration-notices", trigger, notices::check);
    }
}
