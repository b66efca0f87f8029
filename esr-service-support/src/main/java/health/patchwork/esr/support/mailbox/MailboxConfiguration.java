package health.patchwork.esr.support.mailbox;

import java.util.List;

import org.apache.sshd.sftp.client.SftpClient.DirEntry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.file.remote.session.SessionFactory;

/** The SFTP mailbox every service talks to, with strict host-key checking against the configured known_hosts. */
@AutoConfiguration
@EnableConfigurationProperties(MailboxSettings.class)
public class MailboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SessionFactory<DirEntry> mailboxSessionFactory(MailboxSettings settings) {
        return SftpSessionFactories.pinnedHostKey(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    MailboxClient mailboxClient(SessionFactory<DirEntry> mailboxSessionFactory, MailboxSettings settings) {
        return new SftpMailboxClient(mailboxSessionFactory, settings.host() + ":" + settings.port());
    }

    @Bean
    @ConditionalOnMissingBean(name = "mailboxHealthIndicator")
    MailboxHealthIndicator mailboxHealthIndicator(MailboxSettings settings) {
        // not the pooled client: a pooled session would hide a host key that changed since it connected
        MailboxClient probe = new SftpMailboxClient(SftpSessionFactories.pinnedHostKeyUncached(settings),
                settings.host() + ":" + settings.port());
        return new MailboxHealthIndicator(probe, settings,
                List.of(settings.outboundDir(), settings.inboundDir()));
    }
}
