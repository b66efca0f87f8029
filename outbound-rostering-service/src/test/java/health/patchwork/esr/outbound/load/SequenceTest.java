package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;

/** docs/spec/README.md §7.4 and §7.5: gaps and missing baselines hold change files and ask ESR for one full refresh. */
class SequenceTest extends OutboundTestBase {

    private static final String GOC_43 = "GO_123_RST_GOC_20261103_00000043.DAT";
    private static final String GOC_44 = "GO_123_RST_GOC_20261104_00000044.DAT";
    private static final String GOC_45 = "GO_123_RST_GOC_20261105_00000045.DAT";
    private static final String GOC_47 = "GO_123_RST_GOC_20261107_00000047.DAT";
    private static final String GOF_46 = "GO_123_RST_GOF_20261106_00000046.DAT";

    /** A copy of the change sample renamed to {@code name}, its HDR fixed, with the given run dates. */
    private static String changeFile(String name, String previousRun, String run) {
        return TestMailbox.sampleText(GOC_42).replace(GOC_42, name)
                .replace("~20261101 000000~20261102 000000~", "~" + previousRun + "~" + run + "~");
    }

    private static String fullFile(String name, String run) {
        return TestMailbox.sampleText(GOF_41).replace(GOF_41, name).replace("~20261101 000000~01", "~" + run + "~01");
    }

    @Test
    void aFullFileWhosePreviousRunIsARealTimeIsAppliedAsAnyFullFile() {
        // docs/spec/README.md §7.2: field 4 is 00000000 000000 in public samples; a full file may carry any time
        String full = fullFile(GOF_41, "20261101 052314").replace("~00000000 000000~", "~20261031 183000~");

        mailbox.deliver(GOF_41, full);
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from person")).isEqualTo(3);
        assertThat(count("select last_seq from sequence_state")).isEqualTo(41);
    }

    @Test
    void anEmptyChangeFileIsAppliedAsANoOpThatAdvancesTheSequence() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        long changes = count("select count(*) from entity_change");
        mailbox.deliver(GOC_42, "HDR~" + GOC_42 + "~20261102 051000~123~20261101 000000~20261102 000000~01\n"
                + "TRL~2\n");

        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select last_seq from sequence_state")).isEqualTo(42);
        assertThat(count("select count(*) from entity_change")).isEqualTo(changes);
        assertThat(count("select count(*) from person")).isEqualTo(3);
        mailbox.deliver(GOC_43, changeFile(GOC_43, "20261102 000000", "20261103 000000"));
        mailbox.poll();
        assertThat(ledgerOutcome(GOC_43)).as("the next change file follows on").isEqualTo("APPLIED/APPLIED");
    }

    @Test
    void aGapHoldsTheFileAndSendsExactlyOneRefreshRequest() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliver(GOC_44, changeFile(GOC_44, "20261103 000000", "20261104 000000"));
        mailbox.poll();
        mailbox.deliver(GOC_45, changeFile(GOC_45, "20261104 000000", "20261105 000000"));
        mailbox.poll();

        assertThat(ledgerOutcome(GOC_44)).isEqualTo("HELD/HELD_SEQUENCE_GAP");
        assertThat(ledgerOutcome(GOC_45)).isEqualTo("HELD/HELD_AWAITING_REFRESH");
        assertThat(mailbox.uploaded()).singleElement().satisfies(name ->
                assertThat(name).matches("GO_123_RST_GDR_\\d{8}_00000001\\.DAT"));
        String gdr = mailbox.uploaded().get(0);
        // the cut-over is the request day at esr.outbound.full-refresh-cutover-time (18:30:15 in these tests)
        assertThat(mailbox.uploadedContent(gdr)).matches("HDR~" + gdr.replace(".", "\\.") + "~\\d{8} 183015");
        assertThat(count("select count(*) from file_ledger where direction = 'TO_ESR' and state = 'SENT'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from person where entity_id = '100004'")).isZero();
        assertThat(jdbc.queryForObject("select refresh_pending from sequence_state", Boolean.class)).isTrue();
        String health = org.springframework.web.client.RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/actuator/health").header("Authorization", "Bearer " + TestTokens.operator())
                .retrieve().body(String.class);
        assertThat(health).containsPattern("\"outboundFeed\":\\{[^}]*\"refreshPending\":true[^}]*}[^}]*\"status\":\"ATTENTION\"");
    }

    @Test
    void aChangeFileWithoutABaselineIsHeldAndAsksForOne() {
        mailbox.deliverSample(GOC_42);
        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("HELD/HELD_AWAITING_REFRESH");
        assertThat(mailbox.uploaded()).hasSize(1);
    }

    @Test
    void theFullFileThatArrivesSupersedesHeldFilesAndTheRestAreRerunInOrder() {
        mailbox.deliverSample(GOC_42);
        mailbox.poll();
        mailbox.deliver(GOC_44, changeFile(GOC_44, "20261103 000000", "20261104 000000"));
        mailbox.poll();
        mailbox.deliver(GOC_47, changeFile(GOC_47, "20261106 000000", "20261107 000000"));
        mailbox.poll();
        assertThat(mailbox.uploaded()).hasSize(1);

        mailbox.deliver(GOF_46, fullFile(GOF_46, "20261106 000000"));
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_46)).isEqualTo("APPLIED/APPLIED");
        assertThat(ledgerOutcome(GOC_42)).isEqualTo("SUPERSEDED/SUPERSEDED");
        assertThat(ledgerOutcome(GOC_44)).isEqualTo("SUPERSEDED/SUPERSEDED");
        // 47 ends after the snapshot: it goes through the table again, follows 46, and is applied
        assertThat(ledgerOutcome(GOC_47)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select last_seq from sequence_state")).isEqualTo(47);
        assertThat(jdbc.queryForObject("select refresh_pending from sequence_state", Boolean.class)).isFalse();
    }

    @Test
    void aStaleChangeFileIsRejected() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliverSample(GOC_42);
        mailbox.poll();
        String stale = "GO_123_RST_GOC_20261101_00000040.DAT";
        mailbox.deliver(stale, changeFile(stale, "20261031 000000", "20261101 000000"));

        mailbox.poll();

        assertThat(ledgerOutcome(stale)).isEqualTo("QUARANTINED/REJECTED_STALE");
    }
}
