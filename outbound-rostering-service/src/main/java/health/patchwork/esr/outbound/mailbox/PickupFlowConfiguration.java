package health.patchwork.esr.outbound.mailbox;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.outbound.sequence.RefreshRequester;
import health.patchwork.esr.support.leader.ScheduledWork;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.scheduling.TaskScheduler;

/**
 * Polls the mailbox every {@code esr.outbound.poll-interval} with a Spring Integration poller, on the elected leader
 * only; the leader also polls as soon as it is elected, which at start-up carries on with files a previous run
 * downloaded but did not apply. Off with {@code esr.outbound.polling-enabled=false} (tests drive
 * {@link MailboxPickup} directly).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "esr.outbound.polling-enabled", havingValue = "true", matchIfMissing = true)
public class PickupFlowConfiguration {

    @Bean
    LeaderPoll leaderPoll(MailboxPickup pickup, FileProcessor processor, PollLock lock, ScheduledWork scheduled,
                          TaskScheduler taskScheduler, PollTimes times) {
        return new LeaderPoll(pickup, processor, lock, scheduled, taskScheduler, times);
    }

    @Bean
    IntegrationFlow mailboxPickupFlow(LeaderPoll leaderPoll, OutboundSettings settings) {
        return IntegrationFlow.fromSupplier(() -> {
                    leaderPoll.run();
                    return Boolean.TRUE;
                }, poller -> poller.poller(Pollers.fixedDelay(settings.pollInterval())))
                .nullChannel();
    }

    /** The optional routine full refresh (docs/spec/README.md §7.5 (d)), e.g. monthly; off with "-". */
    @Bean
    @ConditionalOnExpression("'${esr.outbound.full-refresh-schedule:-}' != '-'")
    IntegrationFlow scheduledFullRefreshFlow(RefreshRequester refresh, ScheduledWork scheduled,
                                             OutboundSettings settings) {
        return IntegrationFlow.fromSupplier(() -> {
                    // the mailbox refuses a second upload of the day's request name, should two instances try
                    scheduled.onLeader("full-refresh request", () -> refresh.request("scheduled full refresh", false));
                    return Boolean.TRUE;
                }, poller -> poller.poller(Pollers.cron(settings.fullRefreshSchedule(),
                        java.util.TimeZone.getTimeZone("Europe/London"))))
                .nullChannel();
    }
}
