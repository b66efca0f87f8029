package health.patchwork.esr.outbound.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.SettingsFor;
import health.patchwork.esr.outbound.TestMailbox;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LocalCopies;
import health.patchwork.esr.outbound.ledger.LocalStore;
import health.patchwork.esr.outbound.load.FileProcessor;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxException;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.RemoteFile;
import health.patchwork.esr.testsupport.security.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One bad remote file never stops the feed: its failure is recorded on its own ledger row (one row, attempts counted,
 * the reason in an operator's words) and the other files of the same listing are downloaded and applied; a download
 * the disk has no room for is refused before it starts; files already downloaded are processed even when the
 * listing fails.
 * <p>
 * Real PostgreSQL, the real embedded SFTP server and the real {@code SftpMailboxClient}. The only things not real are
 * the two decorators around that client, which bend one call each: {@link VanishingFile} moves one named file aside
 * on the server for the length of its download (and back afterwards, modification time kept), so the real server
 * answers "no such file" for a file its listing just showed, on every attempt; {@link ListingFails} lists a folder
 * that does not exist, so the real server refuses the listing.
 */
class DownloadFailureTest extends OutboundTestBase {

    @Autowired
    MailboxClient realClient;
    @Autowired
    MailboxSettings mailboxSettings;
    @Autowired
    OutboundValidationOptions validationOptions;
    @Autowired
    FileLedger ledger;
    @Autowired
    LocalStore store;
    @Autowired
    LocalCopies localCopies;
    @Autowired
    FileProcessor processor;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;

    private MailboxPickup pickupWith(MailboxClient client, OutboundSettings outbound) {
        return new MailboxPickup(client, mailboxSettings, outbound, validationOptions, ledger,
                new FileDownload(client, mailboxSettings, outbound, ledger, store, meters), localCopies, processor,
                clock);
    }

    @Test
    void aFileWhoseDownloadKeepsFailingIsRecordedOnItsOwnRowAndTheOthersAreApplied() {
        VanishingFile client = new VanishingFile(realClient, sftp.resolve("/out"), GOC_42);
        MailboxPickup pickup = pickupWith(client, settings);
        double failuresBefore = failures("mailbox");
        // GOC_42 sorts before GOF_41, so the loop has to go on past the failure to reach the full file
        mailbox.deliverSample(GOC_42);
        mailbox.deliverSample(GOF_41);

        pickup.downloadReady();   // first sight: sizes noted
        pickup.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(row(GOC_42)).containsEntry("state", "DISCOVERED").containsEntry("download_attempts", 1);
        assertThat((String) row(GOC_42).get("last_failure")).contains("download /out/" + GOC_42)
                .doesNotContain("\tat ");

        pickup.poll();
        pickup.poll();

        assertThat(count("select count(*) from file_ledger where file_name = ?", GOC_42)).isEqualTo(1);
        assertThat(row(GOC_42)).containsEntry("state", "DISCOVERED").containsEntry("download_attempts", 3);
        assertThat(count("select count(*) from file_ledger_event e join file_ledger f on f.id = e.file_id"
                + " where f.file_name = ? and e.outcome = 'DOWNLOAD_FAILED'", GOC_42)).isEqualTo(3);
        assertThat(failures("mailbox") - failuresBefore).isEqualTo(3.0);
        assertThat(partials()).as("partial downloads left in incoming/").isEmpty();
        assertThat(count("select count(*) from file_ledger where file_name = ?", GOF_41)).isEqualTo(1);

        long id = count("select id from file_ledger where file_name = ?", GOC_42);
        JsonNode api = get("/api/v1/files/" + id).get("file");
        assertThat(api.get("downloadAttempts").asInt()).isEqualTo(3);
        assertThat(api.get("lastFailure").asString()).contains(GOC_42);
        assertThat(api.get("lastFailureAt").isNull()).isFalse();
        JsonNode actuator = get("/actuator/esrfiles/" + id);
        assertThat(actuator.get("file").get("downloadAttempts").asInt()).isEqualTo(3);
        assertThat(actuator.get("file").get("lastFailure").asString()).contains(GOC_42);
        assertThat(actuator.get("events").toString()).contains("DOWNLOAD_FAILED");

        client.heal();
        pickup.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from file_ledger where file_name = ?", GOC_42)).as("still one row")
                .isEqualTo(1);
        assertThat(row(GOC_42)).containsEntry("download_attempts", 4);
        assertThat(count("select count(*) from person where entity_id = '100004'")).isEqualTo(1);
    }

    @Test
    void aFileWhoseDownloadFailedBeforeIsTriedAfterTheNewOnes() {
        VanishingFile client = new VanishingFile(realClient, sftp.resolve("/out"), GOC_42);
        MailboxPickup pickup = pickupWith(client, settings);
        mailbox.deliverSample(GOC_42);
        pickup.downloadReady();
        pickup.poll();
        assertThat(client.asked).containsExactly(GOC_42);

        // the full file sorts after GOC_42 by name, but GOC_42 has failed before
        mailbox.deliverSample(GOF_41);
        pickup.downloadReady();
        client.asked.clear();
        pickup.poll();

        assertThat(client.asked).containsExactly(GOF_41, GOC_42);
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
    }

    @Test
    void aDownloadTheDiskHasNoRoomForIsRefusedBeforeItStartsAndTakenOnceThereIsRoom() {
        OutboundSettings hugeMargin = SettingsFor.outbound(settings,
                Map.of("esr.outbound.disk-space-margin", "100000TB"));
        MailboxPickup refusing = pickupWith(realClient, hugeMargin);
        mailbox.deliverSample(GOF_41);

        refusing.downloadReady();
        refusing.poll();

        assertThat(row(GOF_41)).containsEntry("state", "DISCOVERED").containsEntry("download_attempts", 1);
        assertThat((String) row(GOF_41).get("last_failure"))
                .matches("not enough local disk space: needs " + TestMailbox.sample(GOF_41).length + " bytes, \\d+ free"
                        + " \\(margin " + hugeMargin.diskSpaceMargin().toBytes() + "\\)");
        assertThat(filesIn(settings.incomingDir())).as("nothing written").isEmpty();

        // the service's own margin (256MB by default) leaves room on the build machine
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from file_ledger where file_name = ?", GOF_41)).isEqualTo(1);
        assertThat(row(GOF_41)).containsEntry("download_attempts", 2);
    }

    @Test
    void filesAlreadyDownloadedAreProcessedWhenTheListingFails() {
        mailbox.deliverSample(GOF_41);
        pickup.downloadReady();
        pickup.downloadReady();   // downloaded, not yet processed
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("DOWNLOADED/");

        MailboxPickup listingFails = pickupWith(new ListingFails(realClient), settings);

        assertThatThrownBy(listingFails::poll).isInstanceOf(MailboxException.class);
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
    }

    private Map<String, Object> row(String fileName) {
        return jdbc.queryForMap("select state, download_attempts, last_failure from file_ledger where file_name = ?"
                + " order by id desc limit 1", fileName);
    }

    private double failures(String reason) {
        return meters.get("esr.outbound.download.failures").tag("reason", reason).counter().count();
    }

    private JsonNode get(String uri) {
        String body = RestClient.create("http://127.0.0.1:" + port).get().uri(uri)
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);
        return json.readTree(body);
    }

    private List<Path> partials() {
        return filesIn(settings.incomingDir()).stream()
                .filter(p -> p.getFileName().toString().endsWith(".download")
                        || p.getFileName().toString().endsWith(".part"))
                .toList();
    }

    static List<Path> filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves {@code name} aside on the server while it is downloaded, and back after: the real server then answers
     * that the file does not exist, as when it vanishes between the listing and the download.
     */
    static final class VanishingFile extends ForwardingMailbox {

        private final Path folder;
        private final String name;
        private volatile boolean healed;
        /** Every download asked for, in order. */
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        VanishingFile(MailboxClient real, Path serverFolder, String name) {
            super(real);
            this.folder = serverFolder;
            this.name = name;
        }

        void heal() {
            healed = true;
        }

        @Override
        public void download(String remoteFolder, String file, Path target) {
            asked.add(file);
            if (healed || !file.equals(name)) {
                real.download(remoteFolder, file, target);
                return;
            }
            Path remote = folder.resolve(name);
            Path aside = folder.resolveSibling(name + ".aside");
            move(remote, aside);
            try {
                real.download(remoteFolder, file, target);
            } finally {
                move(aside, remote);   // a rename keeps the modification time: the same delivery next listing
            }
        }

        private static void move(Path from, Path to) {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Lists a folder that does not exist on the server, which refuses it. */
    static final class ListingFails extends ForwardingMailbox {

        ListingFails(MailboxClient real) {
            super(real);
        }

        @Override
        public List<RemoteFile> list(String folder) {
            return real.list(folder + "-that-does-not-exist");
        }
    }
}
