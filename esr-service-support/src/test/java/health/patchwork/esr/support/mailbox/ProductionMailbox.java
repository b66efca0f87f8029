package health.patchwork.esr.support.mailbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.sftp.client.SftpClient.DirEntry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.integration.file.remote.session.SessionFactory;

/**
 * The mailbox beans exactly as a service gets them: {@link MailboxConfiguration} auto-configured from
 * {@code esr.mailbox.*} properties, so that tests against a real server drive the production client, session
 * factory and health indicator, whatever their construction looks like.
 */
final class ProductionMailbox {

    private final List<String> properties = new ArrayList<>();

    private ProductionMailbox(String host, int port, String username, Path privateKey, Path knownHosts) {
        properties.addAll(List.of(
                "esr.mailbox.host=" + host,
                "esr.mailbox.port=" + port,
                "esr.mailbox.username=" + username,
                "esr.mailbox.private-key=" + privateKey,
                "esr.mailbox.known-hosts=" + knownHosts,
                "esr.mailbox.timeout=10s"));
    }

    static ProductionMailbox of(String host, int port, String username, Path privateKey, Path knownHosts) {
        return new ProductionMailbox(host, port, username, privateKey, knownHosts);
    }

    /** Another {@code esr.mailbox.*} setting, as {@code name=value} without the prefix. */
    ProductionMailbox with(String setting) {
        properties.add("esr.mailbox." + setting);
        return this;
    }

    /** Runs {@code test} against a started context (closed afterwards, which closes pooled sessions). */
    void run(ContextConsumer<AssertableApplicationContext> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailboxConfiguration.class))
                .withPropertyValues(properties.toArray(String[]::new))
                .run(context -> {
                    org.assertj.core.api.Assertions.assertThat(context).hasNotFailed();
                    test.accept(context);
                });
    }

    static MailboxClient client(AssertableApplicationContext context) {
        return context.getBean(MailboxClient.class);
    }

    /** The pooled SSH sessions the production client uses. */
    static SessionFactory<DirEntry> sessionFactory(AssertableApplicationContext context) {
        return context.getBean("mailboxConnector", MailboxConnector.class).sessions();
    }
}
