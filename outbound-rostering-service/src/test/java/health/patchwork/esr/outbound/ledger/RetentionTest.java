package health.patchwork.esr.outbound.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Archived and quarantined copies go after their retention days; the ledger rows stay, marked purged. */
class RetentionTest extends OutboundTestBase {

    private static final Instant NOW = Instant.parse("2027-03-01T03:30:00Z");

    @Autowired
    FileLedger ledger;
    @Autowired
    FileProcessor processor;

    private final MutableClock clock = new MutableClock(NOW);
    private Retention retention;
    private Path archived;
    private Path quarantined;
    private Path report;

    @BeforeEach
    void anAppliedAndAQuarantinedFile() {
        retention = new Retention(new LocalStore(settings, clock), ledger, clock);
        mailbox.deliverSample(GOF_41);
        mailbox.deliver(GOC_42, TestMailbox.sampleText(GOC_42).replace("TRL~9", "TRL~8"));
        mailbox.poll();
        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_RECORD_COUNT");
        archived = Path.of(path("archive_path", GOF_41));
        quarantined = Path.of(path("local_path", GOC_42));
        report = quarantined.resolveSibling(quarantined.getFileName() + ".report.json");
        assertThat(archived).exists();
        assertThat(report).exists();
    }

    @Test
    void filesWithinTheirRetentionAreKept() throws IOException {
        age(Duration.ofDays(89), archived, quarantined, report);

        assertThat(retention.purge()).isEqualTo(new Retention.Purged(0, 0));

        assertThat(archived).exists();
        assertThat(quarantined).exists();
        assertThat(count("select count(*) from file_ledger where content_purged_at is not null")).isZero();
    }

    @Test
    void aFileIsDeletedOnlyAfterItsLedgerRowIsMarked() throws IOException {
        age(Duration.ofDays(91), archived, quarantined, report);
        LocalStore store = new LocalStore(settings, clock);

        assertThatThrownBy(() -> store.purgeArchive(path -> {
            throw new IllegalStateException("database gone before the mark");
        })).hasMessageContaining("database gone");

        assertThat(archived).as("not marked, so kept for the next run").exists();
        assertThat(retention.purge()).isEqualTo(new Retention.Purged(1, 1));
        assertThat(archived).doesNotExist();
    }

    @Test
    void olderFilesArePurgedAndTheirLedgerRowsMarked() throws IOException {
        age(Duration.ofDays(91), archived, quarantined, report);

        assertThat(retention.purge()).isEqualTo(new Retention.Purged(1, 1));

        assertThat(archived).doesNotExist();
        assertThat(quarantined).doesNotExist();
        assertThat(report).doesNotExist();
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_RECORD_COUNT");
        assertThat(count("select count(*) from file_ledger where content_purged_at = ?", java.sql.Timestamp.from(NOW)))
                .isEqualTo(2);
        assertThat(count("select count(*) from file_ledger_event where detail = 'local copy purged by retention'"))
                .isEqualTo(2);
        // the ledger still knows the delivery: the same file listed again is not taken a second time
        mailbox.poll();
        assertThat(count("select count(*) from file_ledger where file_name = ?", GOF_41)).isEqualTo(1);
        long id = count("select id from file_ledger where file_name = ?", GOC_42);
        assertThatThrownBy(() -> processor.reprocess(id)).hasMessageContaining("purged by retention");
    }

    private String path(String column, String fileName) {
        return jdbc.queryForObject("select " + column + " from file_ledger where file_name = ?", String.class,
                fileName);
    }

    private static void age(Duration age, Path... files) throws IOException {
        for (Path file : files) {
            Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        }
    }
}
