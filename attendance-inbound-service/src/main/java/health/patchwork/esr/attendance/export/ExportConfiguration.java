package health.patchwork.esr.attendance.export;

import java.time.Clock;

import javax.sql.DataSource;

import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.support.export.ExportCheckpoints;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportLock;
import health.patchwork.esr.support.export.FileExporter;
import health.patchwork.esr.support.export.ExportTables;
import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxRetry;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.notification.Notifications;
import health.patchwork.esr.support.trust.TrustSettings;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared exporter, wired for TA files. */
@Configuration(proxyBeanMethods = false)
@Import(ExportTables.class)
class ExportConfiguration {

    // esr-service-support's ledger is built on a JdbcTemplate
    @Bean
    ExportLedger exportLedger(JdbcTemplate jdbc) {
        return new ExportLedger(jdbc);
    }

    @Bean
    FileExporter taFileExporter(TaFileContent content, ExportLedger ledger, DataSource dataSource,
                                TransactionTemplate transactions, MailboxClient mailbox, MailboxRetry mailboxRetry,
                                MailboxSettings mailboxSettings,
                                TrustSettings trust, InboundFileSettings inbound, AttendanceSettings settings,
                                Clock clock, ObjectProvider<ExportCheckpoints> checkpoints,
                                MeterRegistry meters, Notifications notifications) {
        return FileExporter.builder(InboundFileType.TA)
                .trust(trust.vpd(), inbound.sourceSystemCode())
                .firstSequence(settings.firstSequence())
                .content(content)
                .database(ledger, new ExportLock(dataSource, "esr-export-TA"), transactions)
                .mailbox(mailbox, mailboxSettings.inboundDir())
                .retry(mailboxRetry)
                .workDir(settings.workDir())
                .clock(clock)
                .checkpoints(checkpoints.getIfAvailable(() -> ExportCheckpoints.NONE))
                .meters(meters)
                .notifications(notifications)
                .build();
    }
}
