package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** docs/spec/README.md §7.2: a full file that would end too many entities waits for an operator. */
class ThresholdTest extends OutboundTestBase {

    @Autowired
    FileProcessor processor;

    private GoFile fullWith(long sequence, String date, int persons) {
        GoFile file = GoFile.full(sequence, date);
        for (int p = 1; p <= persons; p++) {
            file.person(p);
        }
        return file;
    }

    @Test
    void aMassLeaverFullFileIsHeldThenAppliedOnApproval() {
        GoFile baseline = fullWith(10, "20261101", 30);
        mailbox.deliver(baseline.name(), baseline.content());
        mailbox.poll();
        GoFile massLeaver = fullWith(11, "20261102", 5);
        mailbox.deliver(massLeaver.name(), massLeaver.content());

        mailbox.poll();

        assertThat(ledgerOutcome(massLeaver.name())).isEqualTo("HELD/HELD_THRESHOLD");
        assertThat(count("select count(*) from person where record_status = 'CURRENT'")).isEqualTo(30);
        assertThat(jdbc.queryForObject("select detail from file_ledger where file_name = ?", String.class,
                massLeaver.name())).contains("\"ended\":25");

        long id = jdbc.queryForObject("select id from file_ledger where file_name = ?", Long.class, massLeaver.name());
        processor.approve(id);

        assertThat(ledgerOutcome(massLeaver.name())).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from person where record_status = 'ENDED_BY_REFRESH'"
                + " and status_file = ? and status_date = date '2026-11-02'", massLeaver.name())).isEqualTo(25);
        assertThat(count("select count(*) from person")).isEqualTo(30);
    }

    @Test
    void aHeldFullFileCanBeRejectedAndNothingOfItIsApplied() {
        GoFile baseline = fullWith(10, "20261101", 30);
        mailbox.deliver(baseline.name(), baseline.content());
        mailbox.poll();
        GoFile massLeaver = fullWith(11, "20261102", 5);
        mailbox.deliver(massLeaver.name(), massLeaver.content());
        mailbox.poll();
        long id = jdbc.queryForObject("select id from file_ledger where file_name = ?", Long.class, massLeaver.name());

        processor.reject(id);

        assertThat(ledgerOutcome(massLeaver.name())).isEqualTo("QUARANTINED/REJECTED_BY_OPERATOR");
        assertThat(count("select count(*) from person where record_status = 'CURRENT'")).isEqualTo(30);
        assertThat(count("select last_seq from sequence_state")).isEqualTo(10);
    }

    @Test
    void aFewLeaversBelowTheFloorAreEndedWithoutAHold() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        GoFile without = GoFile.full(43, "20261103");
        // the full sample without person 100002 (PRA, ASA, QLA, ETA)
        String sample = health.patchwork.esr.outbound.TestMailbox.sampleText(GOF_41);
        for (String line : sample.split("\n")) {
            if (line.startsWith("HDR") || line.startsWith("TRL") || line.startsWith("PRA~100002~")
                    || line.startsWith("ASA~100002~") || line.startsWith("QLA~100002~")
                    || line.startsWith("ETA~100002~")) {
                continue;
            }
            without.add(line);
        }
        mailbox.deliver(without.name(), without.content());

        mailbox.poll();

        assertThat(ledgerOutcome(without.name())).isEqualTo("APPLIED/APPLIED");
        assertThat(jdbc.queryForList("select record_status from person where entity_id = '100002'"
                + " union all select record_status from assignment where person_id = '100002'"
                + " union all select record_status from qualification where person_id = '100002'"
                + " union all select record_status from person_extra_info where person_id = '100002'", String.class))
                .hasSize(4).containsOnly("ENDED_BY_REFRESH");
        assertThat(count("select count(*) from person where record_status = 'CURRENT'")).isEqualTo(2);
        // an ended assignment no longer looks payable to the inbound services
        assertThat(count("select count(*) from published_assignment where person_id = '100002'")).isZero();
    }
}
