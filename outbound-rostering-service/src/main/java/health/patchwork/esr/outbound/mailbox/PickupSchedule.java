package health.patchwork.esr.outbound.mailbox;

import java.time.Duration;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.outbound.sequence.RefreshRequester;
import health.patchwork.esr.support.leader.ScheduledJob;
import health.patchwork.esr.support.leader.ScheduledWork;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * Polls the mailbox every {@code esr.outbound.poll-interval}, on the elected leader only; the leader also polls as
 * soon as it is elected, which at start-up carries on with files a previous run downloaded but did not apply. Off
 * with {@code esr.outbound.polling-enabled=false} (tests drive {@link MailboxPickup} directly), as is the optional
 * routine full refresh.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "esr.outbound.polling-enabled", havingValue = "true", matchIfMissing = true)
class PickupSchedule {

    @Bean
    LeaderPoll leaderPoll(MailboxPickup pickup, FileProcessor processor, PollLock lock, ScheduledWork scheduled,
                          TaskScheduler taskScheduler, PollTimes times) {
        return new LeaderPoll(pickup, processor, lock, scheduled, taskScheduler, times);
    }

    @Bean
    ScheduledJob mailboxPoll(LeaderPoll leaderPoll, OutboundSettings settings) {
        return ScheduledJob.onLeader(LeaderPoll.JOB, ScheduledJob.everyAfter(settings.pollInterval(), Duration.ZERO),
                leaderPoll::pollUnderLock);
    }

    /** The optional routine full refresh (docs/spec/README.md §7.5 (d)), e.g. monthly; off with "-". */
    @Bean
    ScheduledJob fullRefreshRequest(RefreshRequester refresh, OutboundSettings settings) {
        // the mailbox refuses a second upload of the day's request name, should two instances try
        return ScheduledJob.onLeader("full-refresh request", ScheduledJob.ukCron(settings.fullRefreshSchedule()),
                () -> refresh.request("scheduled full refresh", false));
    }
}
