package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;

import org.junit.jupiter.api.Test;

/** docs/spec/README.md §6.1: an invalid file is quarantined with its report and nothing of it is applied. */
class QuarantineTest extends OutboundTestBase {

    private static final String GOC_43 = "GO_123_RST_GOC_20261103_00000043.DAT";

    @Test
    void aMalformedFileIsQuarantinedAndNothingOfItIsApplied() throws Exception {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        long changes = count("select count(*) from entity_change");
        // one ASA row loses its last field: REJECTED_FIELD_COUNT on line 5
        String change = TestMailbox.sampleText(GOC_42);
        String[] lines = change.split("\r\n");
        lines[4] = lines[4].substring(0, lines[4].lastIndexOf('~'));
        mailbox.deliver(GOC_42, String.join("\r\n", lines) + "\r\n");

        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_FIELD_COUNT");
        assertThat(count("select count(*) from entity_change")).isEqualTo(changes);
        assertThat(count("select count(*) from person where entity_id = '100004'")).isZero();
        assertThat(count("select last_seq from sequence_state")).isEqualTo(41);
        String report = jdbc.queryForObject("select report::text from file_ledger where file_name = ?", String.class,
                GOC_42);
        assertThat(report).contains("\"line\": 5").contains("ASA").contains("REJECTED_FIELD_COUNT")
                .doesNotContain("Olivia").doesNotContain("QQ456789D");
        Path quarantined = Path.of(jdbc.queryForObject("select local_path from file_ledger where file_name = ?",
                String.class, GOC_42));
        assertThat(quarantined).exists();
        assertThat(quarantined.getParent().getFileName().toString()).isEqualTo("quarantine");
        assertThat(Files.exists(quarantined.resolveSibling(quarantined.getFileName() + ".report.json"))).isTrue();
    }

    @Test
    void aFileWithAByteOrderMarkIsQuarantinedForTheMarkWithAllItsLinesCounted() {
        byte[] sample = TestMailbox.sample(GOF_41);
        byte[] marked = new byte[sample.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(sample, 0, marked, 3, sample.length);
        mailbox.deliver(GOF_41, marked);

        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("QUARANTINED/REJECTED_NO_HEADER");
        String report = jdbc.queryForObject("select report::text from file_ledger where file_name = ?", String.class,
                GOF_41);
        long lines = new String(sample, java.nio.charset.StandardCharsets.ISO_8859_1).lines().count();
        assertThat(report).contains("REJECTED_NO_HEADER").contains("UTF-8 byte-order mark (EF BB BF)")
                .contains("\"line\": 1").contains("\"lineCount\": " + lines).doesNotContain("REJECTED_EMPTY");
        assertThat(count("select count(*) from person")).isZero();
    }

    @Test
    void aWrongTrailerCountIsRejected() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliver(GOC_42, TestMailbox.sampleText(GOC_42).replace("TRL~9", "TRL~8"));

        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_RECORD_COUNT");
    }

    @Test
    void aRenamedFileWhoseHeaderNamesAnotherIsRejected() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliver(GOC_43, TestMailbox.sample(GOC_42));

        mailbox.poll();

        assertThat(ledgerOutcome(GOC_43)).isEqualTo("QUARANTINED/REJECTED_HEADER_NAME");
    }

    @Test
    void aNameThatIsNotOursIsLeftAloneAndReportedOnce() {
        mailbox.deliver("GO_999_RST_GOC_20261102_00000042.DAT", "x");
        mailbox.deliver("notes.txt", "x");

        mailbox.poll();
        mailbox.poll();

        assertThat(count("select count(*) from file_ledger where outcome = 'IGNORED_NOT_OURS'")).isEqualTo(2);
        assertThat(sftp.resolve("/out/notes.txt")).exists();
    }

    @Test
    void anUnknownRecordTypeIsCountedAndTheFileApplied() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliver(GOC_42, TestMailbox.sampleText(GOC_42).replace("TRL~9", "XXA~1~2\r\nTRL~10"));

        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("APPLIED/APPLIED");
        assertThat(jdbc.queryForObject("select unknown_counts->>'XXA' from file_ledger where file_name = ?",
                String.class, GOC_42)).isEqualTo("1");
    }

    @Test
    void aChangedFileUnderAKnownNameIsRejected() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliverSample(GOC_42);
        mailbox.poll();
        mailbox.deliver(GOC_42, TestMailbox.sampleText(GOC_42).replace("Dan", "Danny"));

        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_DUPLICATE_NAME_CHANGED");
        assertThat(jdbc.queryForObject("select preferred_name from person where entity_id = '100003'", String.class))
                .isEqualTo("Dan");
    }
}
