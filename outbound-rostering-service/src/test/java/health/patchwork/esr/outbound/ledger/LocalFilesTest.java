package health.patchwork.esr.outbound.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * Local copies hold staff personal data and must survive what happens to a work folder: folders 0700 and files 0600,
 * partial downloads a crash left behind swept, and a file whose local copy went missing downloaded again into its
 * row and processed, instead of failing on every poll. Real PostgreSQL, SFTP server and file system throughout.
 */
class LocalFilesTest extends OutboundTestBase {

    @Autowired
    FileProcessor processor;
    @Autowired
    FileLedger ledger;

    @Test
    void foldersAreOwnerOnlyAndSoIsEveryFileInThem() throws IOException {
        assumeTrue(posix(), "the file system has no POSIX permissions");
        mailbox.deliverSample(GOF_41);
        mailbox.deliver(GOC_42, TestMailbox.sampleText(GOC_42).replace("TRL~9", "TRL~8"));   // quarantined
        mailbox.poll();
        GoFile unprocessed = GoFile.change(43, "20261102", "20261103").person(100_099);
        mailbox.deliver(unprocessed.name(), unprocessed.content());
        pickup.downloadReady();
        pickup.downloadReady();   // downloaded, not processed: stays in incoming/

        assertThat(mode(settings.workDir())).isEqualTo("rwx------");
        assertThat(mode(settings.incomingDir())).isEqualTo("rwx------");
        assertThat(mode(settings.archiveDir())).isEqualTo("rwx------");
        assertThat(mode(settings.quarantineDir())).isEqualTo("rwx------");
        List<Path> files = Stream.of(settings.incomingDir(), settings.archiveDir(), settings.quarantineDir())
                .flatMap(LocalFilesTest::filesIn).toList();
        assertThat(files).as("an archived, a quarantined with its report, a downloaded file").hasSize(4);
        assertThat(files).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
    }

    @Test
    void aFolderAndFilesLeftOpenByAnEarlierVersionAreTightenedByTheFirstPollAfterAnUpgrade() throws IOException {
        assumeTrue(posix(), "the file system has no POSIX permissions");
        Path archive = Files.createDirectories(settings.archiveDir());
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(archive.resolve("7-GO_123_RST_GOC_20261001_00000007.DAT.gz"), "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        // a new process: this context's store has tightened its folders once already
        LocalCopies afterUpgrade = new LocalCopies(ledger, new LocalStore(settings, Clock.systemUTC()), settings);

        afterUpgrade.tidy();

        assertThat(mode(archive)).isEqualTo("rwx------");
        assertThat(mode(old)).isEqualTo("rw-------");
    }

    @Test
    void partialDownloadsACrashLeftBehindAreSweptAtTheStartOfAPoll() throws IOException {
        Path incoming = Files.createDirectories(settings.incomingDir());
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        Path ours = old(incoming.resolve("5-" + GOC_42 + ".download"), dayAgo);
        Path clients = old(incoming.resolve("6-" + GOC_42 + ".download.part"), dayAgo);
        Path copy = old(incoming.resolve("7-" + GOC_42), dayAgo);   // a local copy, not a partial

        mailbox.poll();

        assertThat(ours).doesNotExist();
        assertThat(clients).doesNotExist();
        assertThat(copy).exists();
    }

    @Test
    void aPartialStillBeingWrittenToIsLeftAloneUntilItHasBeenIdleForAPollInterval() throws IOException {
        Instant now = Instant.parse("2027-02-01T10:00:00Z");
        MutableClock clock = new MutableClock(now);
        LocalStore store = new LocalStore(settings, clock);
        Path partial = Files.createDirectories(settings.incomingDir()).resolve("8-" + GOC_42 + ".download");
        old(partial, FileTime.from(now));

        assertThat(store.sweepPartialDownloads(settings.pollInterval())).isEmpty();
        clock.advance(settings.pollInterval().plusSeconds(1));

        assertThat(store.sweepPartialDownloads(settings.pollInterval()))
                .containsExactly(partial.getFileName().toString());
        assertThat(partial).doesNotExist();
    }

    @Test
    void aDownloadedFileWhoseLocalCopyIsGoneIsDownloadedAgainIntoItsRowAndApplied() throws IOException {
        mailbox.deliverSample(GOF_41);
        pickup.downloadReady();
        pickup.downloadReady();
        long id = idOf(GOF_41);
        Files.delete(localPath(id));

        processor.processUnfinished();   // what a newly elected leader does first: no failure, back to DISCOVERED

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("DISCOVERED/");
        assertThat(events(id)).contains(FileLedger.LOCAL_COPY_MISSING);

        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from file_ledger where file_name = ?", GOF_41)).isEqualTo(1);
        assertThat(count("select download_attempts from file_ledger where id = ?", id)).isEqualTo(2);
        assertThat(count("select count(*) from person")).isEqualTo(3);
    }

    @Test
    void aHeldFileWhoseLocalCopyIsGoneIsDownloadedAgainByTheNextPollAndCanThenBeApproved() throws IOException {
        long held = heldMassLeaverFile();
        Files.delete(localPath(held));

        mailbox.poll();

        assertThat(ledgerOutcome(massLeaverName())).isEqualTo("HELD/HELD_THRESHOLD");
        assertThat(idOf(massLeaverName())).as("the same row").isEqualTo(held);
        assertThat(events(held)).contains(FileLedger.LOCAL_COPY_MISSING);
        assertThat(localPath(held)).exists();
        assertThat(approve(held)).isEqualTo(200);
        assertThat(ledgerOutcome(massLeaverName())).isEqualTo("APPLIED/APPLIED");
    }

    @Test
    void approvingAHeldFileWhoseLocalCopyIsGoneIsRefusedAndTheFileDownloadedAgain() throws IOException {
        long held = heldMassLeaverFile();
        Files.delete(localPath(held));

        assertThat(approve(held)).isEqualTo(409);
        assertThat(ledgerOutcome(massLeaverName())).isEqualTo("DISCOVERED/");
        assertThat(count("select count(*) from person where record_status = 'ENDED_BY_REFRESH'")).isZero();

        mailbox.poll();

        assertThat(ledgerOutcome(massLeaverName())).as("checked afresh: held again").isEqualTo("HELD/HELD_THRESHOLD");
        assertThat(approve(held)).isEqualTo(200);
        assertThat(ledgerOutcome(massLeaverName())).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from file_ledger where file_name = ?", massLeaverName())).isEqualTo(1);
    }

    @Test
    void rejectingAHeldFileWhoseLocalCopyIsGoneNeedsNoCopy() throws IOException {
        long held = heldMassLeaverFile();
        Files.delete(localPath(held));

        assertThat(processor.reject(held)).isEqualTo(LedgerState.QUARANTINED);

        assertThat(ledgerOutcome(massLeaverName())).isEqualTo("QUARANTINED/REJECTED_BY_OPERATOR");
        assertThat(jdbc.queryForObject("select local_path from file_ledger where id = ?", String.class, held))
                .isNull();
        mailbox.poll();
        assertThat(ledgerOutcome(massLeaverName())).as("a decision, not downloaded again")
                .isEqualTo("QUARANTINED/REJECTED_BY_OPERATOR");
    }

    @Test
    void reprocessingAQuarantinedFileWhoseLocalCopyIsGoneDownloadsItAgain() throws IOException {
        mailbox.deliverSample(GOF_41);
        mailbox.deliver(GOC_42, TestMailbox.sampleText(GOC_42).replace("TRL~9", "TRL~8"));
        mailbox.poll();
        long id = idOf(GOC_42);
        Files.delete(localPath(id));

        assertThat(processor.reprocess(id)).isEqualTo(LedgerState.DISCOVERED);
        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_RECORD_COUNT");
        assertThat(count("select count(*) from file_ledger where file_name = ?", GOC_42)).isEqualTo(1);
        assertThat(localPath(id)).exists();
    }

    /** A baseline of 30 people, then a full file that would end 25 of them: held for an operator. */
    private long heldMassLeaverFile() {
        GoFile baseline = GoFile.full(10, "20261101");
        for (int p = 1; p <= 30; p++) {
            baseline.person(p);
        }
        mailbox.deliver(baseline.name(), baseline.content());
        mailbox.poll();
        GoFile massLeaver = GoFile.full(11, "20261102");
        for (int p = 1; p <= 5; p++) {
            massLeaver.person(p);
        }
        mailbox.deliver(massLeaver.name(), massLeaver.content());
        mailbox.poll();
        assertThat(ledgerOutcome(massLeaver.name())).isEqualTo("HELD/HELD_THRESHOLD");
        return idOf(massLeaver.name());
    }

    private static String massLeaverName() {
        return GoFile.full(11, "20261102").name();
    }

    private int approve(long id) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build()
                .post().uri("/api/v1/files/" + id + "/approve")
                .header("Authorization", "Bearer " + TestTokens.operator())
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    private long idOf(String fileName) {
        return count("select id from file_ledger where file_name = ? order by id desc limit 1", fileName);
    }

    private Path localPath(long id) {
        return Path.of(jdbc.queryForObject("select local_path from file_ledger where id = ?", String.class, id));
    }

    private List<String> events(long id) {
        return jdbc.queryForList("select coalesce(detail, '') from file_ledger_event where file_id = ? order by id",
                String.class, id);
    }

    private static Path old(Path file, FileTime at) throws IOException {
        Files.writeString(file, "partial");
        Files.setLastModifiedTime(file, at);
        return file;
    }

    private static Stream<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean posix() {
        return settings.workDir().getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
