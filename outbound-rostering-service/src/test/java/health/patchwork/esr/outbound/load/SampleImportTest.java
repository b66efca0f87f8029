package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.outbound.OutboundTestBase;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The full sample, then the change sample, give the state listed in samples/README.md. */
class SampleImportTest extends OutboundTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void metricsCountTheFilesTheirRecordsAndTheTimeSinceTheLastFile() {
        double applied = counter("esr.outbound.files", "extract", "FULL", "outcome", "APPLIED");
        double headers = counter("esr.outbound.records", "record_type", "HDR");

        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        assertThat(counter("esr.outbound.files", "extract", "FULL", "outcome", "APPLIED")).isEqualTo(applied + 1);
        assertThat(counter("esr.outbound.records", "record_type", "HDR")).isEqualTo(headers + 1);
        assertThat(meters.get("esr.outbound.import.duration").tags("extract", "FULL", "outcome", "APPLIED").timer()
                .count()).isPositive();
        assertThat(meters.get("esr.outbound.last.file.age.seconds").gauge().value()).isNotNaN();
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void fullThenChangeFileGiveTheExpectedWorkforce() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(count("select count(*) from person")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select first_name from person where entity_id = '100002'", String.class))
                .isEqualTo("Siân");

        mailbox.deliverSample(GOC_42);
        mailbox.poll();
        assertThat(ledgerOutcome(GOC_42)).isEqualTo("APPLIED/APPLIED");

        assertThat(count("select count(distinct entity_id) from person")).isEqualTo(4);
        assertThat(count("select count(*) from person where effective_end is null")).isEqualTo(4);
        assertThat(jdbc.queryForMap("select preferred_name, office_email from person where entity_id = '100003'"))
                .isEqualTo(Map.of("preferred_name", "Dan", "office_email", "dan.reeve@example.org"));

        assertThat(count("select count(distinct entity_id) from assignment")).isEqualTo(5);
        assertThat(count("select count(*) from assignment")).isEqualTo(7);
        assertThat(jdbc.queryForObject("select assignment_number from assignment where entity_id = '200002'",
                String.class)).isEqualTo("20000001-2");
        List<Map<String, Object>> split = jdbc.queryForList("select effective_start, effective_end, fte"
                + " from assignment where entity_id = '200003' order by effective_start");
        assertThat(split).hasSize(2);
        assertThat(split.get(0).get("effective_start")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2024, 8, 7)));
        assertThat(split.get(0).get("effective_end")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 10, 31)));
        assertThat((BigDecimal) split.get(0).get("fte")).isEqualByComparingTo("1");
        assertThat(split.get(1).get("effective_start")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 11, 1)));
        assertThat(split.get(1).get("effective_end")).isNull();
        assertThat((BigDecimal) split.get(1).get("fte")).isEqualByComparingTo("0.8");
        assertThat(count("select count(*) from assignment where entity_id = '200004'")).isEqualTo(2);
        // two slices of 200003 in the change file: one feed row for the assignment
        assertThat(count("select count(*) from entity_change c join file_ledger f on f.id = c.file_id"
                + " where f.file_name = ? and c.entity_id = '200003'", GOC_42)).isEqualTo(1);

        assertThat(count("select count(*) from position")).isEqualTo(4);
        assertThat(count("select count(*) from organisation")).isEqualTo(3);
        assertThat(count("select count(*) from organisation where parent_organisation_id = '5001'")).isEqualTo(2);
        assertThat(count("select count(*) from location")).isEqualTo(2);

        assertThat(jdbc.queryForMap("select record_status, status_file from costing where entity_id = '8001'"))
                .isEqualTo(Map.of("record_status", "DELETED_BY_ESR", "status_file", GOC_42));
        assertThat(count("select count(*) from costing where record_status = 'CURRENT'")).isZero();

        Map<String, Object> absence = jdbc.queryForMap("select third_party_reference, actual_start_date,"
                + " actual_end_date, duration_days from absence where entity_id = '9001'");
        assertThat(absence.get("third_party_reference")).isEqualTo("PWH-A000118");
        assertThat(absence.get("actual_start_date")).isEqualTo(java.sql.Date.valueOf("2026-10-20"));
        assertThat(absence.get("actual_end_date")).isEqualTo(java.sql.Date.valueOf("2026-10-22"));
        assertThat((BigDecimal) absence.get("duration_days")).isEqualByComparingTo("3");
        assertThat(count("select count(*) from absence")).isEqualTo(1);

        assertThat(count("select count(*) from competency")).isEqualTo(1);
        assertThat(count("select count(*) from competence")).isEqualTo(1);
        assertThat(count("select count(*) from qualification")).isEqualTo(1);
        assertThat(jdbc.queryForList("select entity_id || ' ' || registration_number from professional_registration"
                .replace("entity_id", "person_extra_info_id") + " order by 1", String.class))
                .containsExactly("7501 12A3456E", "7502 7654321", "7503 26B0042E");
        assertThat(count("select count(*) from special_information")).isEqualTo(1);

        assertThat(jdbc.queryForMap("select last_seq, last_run_date from sequence_state"))
                .isEqualTo(Map.of("last_seq", 42L,
                        "last_run_date", java.sql.Timestamp.valueOf("2026-11-02 00:00:00")));
        assertThat(count("select count(*) from file_ledger where unknown_counts::text <> '{}'")).isZero();
        assertThat(count("select coalesce(sum(warning_count), 0) from file_ledger")).isZero();
    }

    @Test
    void slicesAnswerAsOfADate() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliverSample(GOC_42);
        mailbox.poll();

        assertThat(jdbc.queryForObject("select fte from assignment_as_of(date '2026-10-31') where entity_id = '200003'",
                BigDecimal.class)).isEqualByComparingTo("1");
        assertThat(jdbc.queryForObject("select fte from assignment_as_of(date '2026-11-01') where entity_id = '200003'",
                BigDecimal.class)).isEqualByComparingTo("0.8");
        assertThat(count("select count(*) from assignment_as_of(date '2026-08-31') where entity_id = '200004'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from person_as_of(date '2026-11-01')")).isEqualTo(3);
        assertThat(count("select count(*) from current_assignment")).isPositive();
    }

    @Test
    void theRawFieldArrayIsKeptAsSent() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        List<String> raw = jdbc.queryForList("select unnest(raw) from costing where entity_id = '8001'", String.class);
        assertThat(raw).hasSize(16).startsWith("COA", "100001", "200002", "8001");
        assertThat(count("select count(*) from costing where end_date is null")).isEqualTo(1);
    }

    @Test
    void theSameFileTwiceChangesNothing() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliverSample(GOC_42);
        mailbox.poll();
        long changes = count("select count(*) from entity_change");

        // the same content again, under a new remote timestamp: known by its hash
        sftp.resolve("/out/" + GOC_42).toFile().setLastModified(0);
        mailbox.poll();

        assertThat(count("select count(*) from file_ledger where file_name = ?", GOC_42)).isEqualTo(2);
        assertThat(ledgerOutcome(GOC_42)).isEqualTo("DUPLICATE/DUPLICATE_NOOP");
        assertThat(count("select count(*) from entity_change")).isEqualTo(changes);
        assertThat(count("select last_seq from sequence_state")).isEqualTo(42);
    }

    @Test
    void theSameContentUnderAnotherNameIsAppliedOnce() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        long changes = count("select count(*) from entity_change");
        String copy = "GO_123_RST_GOF_20261101_00000043.DAT";
        mailbox.deliver(copy, health.patchwork.esr.outbound.TestMailbox.sample(GOF_41));

        mailbox.poll();

        assertThat(ledgerOutcome(copy)).isEqualTo("DUPLICATE/DUPLICATE_NOOP");
        assertThat(count("select count(*) from entity_change")).isEqualTo(changes);
    }

    @Test
    void aFileLeftInTheMailboxIsPickedUpOnce() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.poll();
        mailbox.poll();

        assertThat(count("select count(*) from file_ledger where file_name = ?", GOF_41)).isEqualTo(1);
    }
}
