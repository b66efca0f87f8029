package health.patchwork.esr.support.mailbox;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The SFTP mailbox every service talks to, with strict host-key checking against the configured known_hosts. */
@AutoConfiguration
@EnableConfigurationProperties({MailboxSettings.class, MailboxRetrySettings.class})
public class MailboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MailboxActivity mailboxActivity(ObjectProvider<Clock> clock) {
        return new MailboxActivity(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(name = "mailboxConnector")
    MailboxConnector mailboxConnector(MailboxSettings settings) {
        return MailboxConnector.pooled(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    MailboxClient mailboxClient(@Qualifier("mailboxConnector") MailboxConnector mailboxConnector, MailboxActivity activity,
                                ObjectProvider<Clock> clock) {
        return new SftpMailboxClient(mailboxConnector, activity, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Deliveries tried again while the mailbox fails them (esr.mailbox.retry.*), counted and on health. */
    @Bean
    @ConditionalOnMissingBean
    MailboxRetry mailboxRetry(MailboxRetrySettings settings, ObjectProvider<MeterRegistry> meters,
                              ObjectProvider<Clock> clock) {
        return new MailboxRetry(settings, meters.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(name = "mailboxRetriesHealthIndicator")
    MailboxRetryHealth mailboxRetriesHealthIndicator(MailboxRetry retry) {
        return new MailboxRetryHealth(retry);
    }

    /** A fresh connection per probe, not the pool: a pooled session would hide a host key changed since it connected. */
    @Bean
    @ConditionalOnMissingBean(name = "mailboxProbeConnector")
    MailboxConnector mailboxProbeConnector(MailboxSettings settings) {
        return MailboxConnector.fresh(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    MailboxHealthProbe mailboxHealthProbe(MailboxConnector mailboxProbeConnector, MailboxSettings settings,
                                          MailboxActivity activity, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new MailboxHealthProbe(new SftpMailboxClient(mailboxProbeConnector, new MailboxActivity(time), time),
                activity, settings, List.of(settings.outboundDir(), settings.inboundDir()), time);
    }

    @Bean
    @ConditionalOnMissingBean(name = "mailboxHealthIndicator")
    MailboxHealthIndicator mailboxHealthIndicator(MailboxActivity activity, MailboxSettings settings) {
        return new MailboxHealthIndicator(activity, settings, List.of(settings.outboundDir(), settings.inboundDir()));
    }
}
