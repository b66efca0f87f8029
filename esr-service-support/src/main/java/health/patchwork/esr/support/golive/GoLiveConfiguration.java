package health.patchwork.esr.support.golive;

import java.time.Clock;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import health.patchwork.esr.support.mailbox.MailboxConfiguration;
import health.patchwork.esr.support.mailbox.MailboxConnector;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.schema.SupportMigrations;
import health.patchwork.esr.support.trust.TrustConfiguration;
import health.patchwork.esr.support.trust.TrustSettings;

/**
 * The {@code golive} actuator endpoint and the checks every service shares, in the order of the checklist: Trust,
 * interfaces, our key, the pinned host key, the connection, the folders this service uses, the database. Services
 * add their own checks (settings ESR must know) from order 100.
 */
@AutoConfiguration(after = {TrustConfiguration.class, MailboxConfiguration.class})
public class GoLiveConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MailboxUse mailboxUse() {
        return MailboxUse.outboundAndInbound();
    }

    /** Fresh connections, like the health probe's: a pooled session would hide a changed host key or login. */
    @Bean
    MailboxProbe goLiveMailboxProbe(MailboxConnector mailboxProbeConnector) {
        return new MailboxProbe(mailboxProbeConnector);
    }

    @Bean
    @Order(10)
    GoLiveCheck trustCheck(TrustSettings trust) {
        return new TrustCheck(trust);
    }

    @Bean
    @Order(20)
    GoLiveCheck interfacesCheck(TrustSettings trust) {
        return new InterfacesCheck(trust);
    }

    @Bean
    @Order(30)
    GoLiveCheck clientKeyCheck(MailboxSettings settings) {
        return new ClientKeyCheck(settings);
    }

    @Bean
    @Order(40)
    GoLiveCheck hostKeyPinnedCheck(MailboxSettings settings) {
        return new HostKeyPinnedCheck(settings);
    }

    @Bean
    @Order(50)
    GoLiveCheck mailboxConnectionCheck(MailboxProbe goLiveMailboxProbe, MailboxSettings settings) {
        return new MailboxConnectionCheck(goLiveMailboxProbe, settings);
    }

    @Bean
    @Order(60)
    GoLiveCheck outboundFolderCheck(MailboxProbe goLiveMailboxProbe, MailboxSettings settings, MailboxUse use) {
        return use.readsOutbound() ? new OutboundFolderReadableCheck(goLiveMailboxProbe, settings)
                : new NotUsed(OutboundFolderReadableCheck.NAME, settings.outboundDir() + " is not read by this service");
    }

    @Bean
    @Order(70)
    GoLiveCheck inboundFolderCheck(MailboxProbe goLiveMailboxProbe, MailboxSettings settings, MailboxUse use) {
        return use.writesInbound() ? new InboundFolderWritableCheck(goLiveMailboxProbe, settings)
                : new NotUsed(InboundFolderWritableCheck.NAME, settings.inboundDir() + " is not written by this service");
    }

    @Bean
    @ConditionalOnMissingBean
    GoLiveEndpoint goLiveEndpoint(ObjectProvider<GoLiveCheck> checks, TrustSettings trust, MailboxSettings mailbox,
                                  MailboxUse use, ObjectProvider<Clock> clock, Environment environment) {
        Checklist checklist = new Checklist(environment.getProperty("spring.application.name", "ESR service"), trust,
                mailbox, use, clock.getIfAvailable(Clock::systemUTC));
        return new GoLiveEndpoint(checks.orderedStream().toList(), checklist);
    }

    /** Only where Flyway is on the classpath: the services have it, a bare library user may not. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
    static class MigrationsCheckConfiguration {

        @Bean
        @Order(80)
        GoLiveCheck migrationsCheck(ObjectProvider<Flyway> flyways, ObjectProvider<SupportMigrations> support) {
            // each service Flyway stands for the support tables' Flyways too, which migrate the same schema first
            SupportMigrations migrations = support.getIfAvailable();
            return new MigrationsCheck(flyways.orderedStream()
                    .flatMap(flyway -> migrations == null ? Stream.of(flyway) : migrations.all(flyway).stream())
                    .toList());
        }
    }

    /** A folder this service does not use: not checked (the checklist's folder lines say which are used). */
    private record NotUsed(String name, String detail) implements GoLiveCheck {
        @Override
        public boolean applies() {
            return false;
        }

        @Override
        public ReadinessCheck run() {
            return ReadinessCheck.pass(name, detail);
        }
    }
}
