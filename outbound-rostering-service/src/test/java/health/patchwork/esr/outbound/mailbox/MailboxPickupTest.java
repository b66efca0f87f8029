package health.patchwork.esr.outbound.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** docs/spec/README.md §2: only complete files are taken, remote files stay, every download is archived compressed. */
class MailboxPickupTest extends OutboundTestBase {

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItsSizeIsStable() throws Exception {
        byte[] content = TestMailbox.sample(GOF_41);
        mailbox.deliver(GOF_41, Arrays.copyOf(content, 1000));

        assertThat(pickup.downloadReady()).isZero();   // first sight
        Files.write(sftp.resolve("/out/" + GOF_41), Arrays.copyOfRange(content, 1000, content.length),
                StandardOpenOption.APPEND);
        assertThat(pickup.downloadReady()).isZero();   // grew since the last listing
        assertThat(pickup.downloadReady()).isEqualTo(1);
        pickup.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
    }

    @Autowired
    PollLock lock;
    @Autowired
    DataSource dataSource;

    @Test
    void onlyTheInstanceHoldingThePollLockPolls() throws Exception {
        mailbox.deliverSample(GOF_41);
        try (Connection otherInstance = dataSource.getConnection();
             Statement st = otherInstance.createStatement()) {
            st.execute("select pg_advisory_lock(" + PollLock.POLL_LOCK + ")");

            assertThat(lock.runIfFree(mailbox::poll)).isFalse();
            assertThat(count("select count(*) from file_ledger")).isZero();

            st.execute("select pg_advisory_unlock(" + PollLock.POLL_LOCK + ")");
        }
        assertThat(lock.runIfFree(mailbox::poll)).isTrue();
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
    }

    @Test
    void theRemoteFileStaysAndTheLocalCopyIsArchivedCompressed() throws Exception {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        assertThat(sftp.resolve("/out/" + GOF_41)).exists();
        Path archived = Path.of(jdbc.queryForObject("select archive_path from file_ledger where file_name = ?",
                String.class, GOF_41));
        assertThat(archived.getFileName().toString()).endsWith(".gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archived))) {
            assertThat(in.readAllBytes()).isEqualTo(TestMailbox.sample(GOF_41));
        }
        assertThat(jdbc.queryForObject("select sha256 from file_ledger where file_name = ?", String.class, GOF_41))
                .hasSize(64);
        assertThat(Files.list(settings.incomingDir())).isEmpty();
    }
}
