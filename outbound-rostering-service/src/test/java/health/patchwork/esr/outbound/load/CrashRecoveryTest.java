package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.RemoteFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process dies between download and commit: the ledger says DOWNLOADED (or VALIDATED), nothing is applied,
 * and the next start applies the file exactly once.
 */
class CrashRecoveryTest extends OutboundTestBase {

    @Autowired
    FileProcessor processor;
    @Autowired
    FileLedger ledger;
    @Autowired
    MailboxClient mailboxClient;

    @AfterEach
    void dropFault() {
        jdbc.execute("drop trigger if exists fail_commit on file_ledger");
        jdbc.execute("drop function if exists fail_commit()");
    }

    @Test
    void aFileDownloadedButNotAppliedIsAppliedOnceAfterRestart() {
        mailbox.deliverSample(GOF_41);
        pickup.downloadReady();
        pickup.downloadReady();   // killed here: downloaded, not applied
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("DOWNLOADED/");

        processor.processUnfinished();   // what start-up does
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from file_ledger where file_name = ?", GOF_41)).isEqualTo(1);
        assertThat(count("select count(*) from entity_change where change = 'UPSERTED' and entity_type = 'PERSON'"))
                .isEqualTo(3);
    }

    @Test
    void aDownloadThatNeverFinishedIsTriedAgain() {
        mailbox.deliverSample(GOF_41);
        RemoteFile remote = mailboxClient.list("/out").get(0);
        ledger.discover(remote.name(), remote.size(), remote.modified(), "FULL", 41L);   // killed mid-download

        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from person")).isEqualTo(3);
    }

    @Test
    void aFailureInsideTheApplyTransactionLeavesNothingAndTheFileIsAppliedOnceLater() {
        // the database refuses the final ledger update, as if the process died just before commit
        jdbc.execute("""
                create function fail_commit() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash before commit'; end $$""");
        jdbc.execute("create trigger fail_commit before update on file_ledger for each row"
                + " when (new.state = 'APPLIED') execute function fail_commit()");
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("VALIDATED/");
        assertThat(count("select count(*) from person")).isZero();
        assertThat(count("select count(*) from entity_change")).isZero();

        dropFault();
        processor.processUnfinished();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from person")).isEqualTo(3);
        assertThat(count("select count(*) from entity_change where entity_type = 'PERSON'")).isEqualTo(3);
    }
}
