package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerEntry;
import health.patchwork.esr.outbound.ledger.LedgerState;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A full file applied while nothing is held is COPYed straight into the tables ({@link FirstSnapshotLoad}): it must
 * leave exactly what the staged merge leaves, put every index back, and step aside for a file that repeats a key.
 */
class FirstSnapshotLoadTest extends OutboundTestBase {

    /** Every stored row and feed row, as text, without the columns that differ from run to run. */
    private static final String WORKFORCE = """
            select string_agg(t || '|' || entity_id || '|' || coalesce(effective_start::text, '') || '|'
                              || coalesce(effective_end::text, '') || '|' || raw::text || '|' || record_status
                              || '|' || source_line, E'\\n' order by t, entity_id, effective_start, effective_end)
            from (select 'PR' t, entity_id, effective_start, effective_end, raw, record_status, source_line from person_record
                  union all select 'AS', entity_id, effective_start, effective_end, raw, record_status, source_line from assignment_record
                  union all select 'PO', entity_id, effective_start, effective_end, raw, record_status, source_line from position_record
                  union all select 'OR', entity_id, null, null, raw, record_status, source_line from organisation_record
                  union all select 'LC', entity_id, null, null, raw, record_status, source_line from location_record
                  union all select 'CO', entity_id, null, null, raw, record_status, source_line from costing_record
                  union all select 'ET', entity_id, null, null, raw, record_status, source_line from person_extra_info_record
                  union all select 'QL', entity_id, null, null, raw, record_status, source_line from qualification_record) w
            where entity_id <> 'DECOY'""";
    private static final String FEED = "select string_agg(entity_type || '|' || entity_id || '|' || change, E'\\n'"
            + " order by entity_type, entity_id) from entity_change where entity_id <> 'DECOY'";
    private static final String INDEXES = "select string_agg(indexdef, E'\\n' order by indexname) from pg_indexes"
            + " where schemaname = 'workforce' and tablename like '%\\_record'";

    @Autowired
    FileApplier applier;
    @Autowired
    FileLedger ledger;
    @Autowired
    OutboundValidationOptions validationOptions;
    @TempDir
    Path dir;

    @AfterEach
    void dropFault() {
        jdbc.execute("drop trigger if exists fail_commit on file_ledger");
        jdbc.execute("drop function if exists fail_commit()");
    }

    @Test
    void theFirstSnapshotLeavesWhatTheStagedMergeLeavesAndEveryIndex() throws IOException {
        String indexes = jdbc.queryForObject(INDEXES, String.class);

        FileApplier.Result direct = apply(sample(GOF_41), 41);
        assertThat(direct.firstSnapshot()).isTrue();
        String workforce = jdbc.queryForObject(WORKFORCE, String.class);
        String feed = jdbc.queryForObject(FEED, String.class);
        assertThat(jdbc.queryForObject(INDEXES, String.class)).isEqualTo(indexes);

        mailbox.reset();
        // one row held, so the same file takes the staged merge (which ends the decoy, below the threshold)
        long decoyFile = ledger.register("decoy", "FROM_ESR", "FULL", 1L, LedgerState.APPLIED, null);
        jdbc.update("insert into location_record (entity_id, raw, source_file_id, source_line)"
                + " values ('DECOY', '{LCA}', ?, 1)", decoyFile);
        FileApplier.Result staged = apply(sample(GOF_41), 41);

        assertThat(staged.firstSnapshot()).isFalse();
        assertThat(jdbc.queryForObject(WORKFORCE, String.class)).isEqualTo(workforce).contains("PR|100002|");
        assertThat(jdbc.queryForObject(FEED, String.class)).isEqualTo(feed);
        assertThat(staged.stagedRows()).isEqualTo(direct.stagedRows());
        assertThat(staged.figures()).extracting(ThresholdCheck.TypeFigures::inFile)
                .isEqualTo(direct.figures().stream().map(ThresholdCheck.TypeFigures::inFile).toList());
    }

    @Test
    void aFirstSnapshotThatRepeatsAKeyIsStagedAndItsLastRowWins() throws IOException {
        String indexes = jdbc.queryForObject(INDEXES, String.class);
        GoFile file = GoFile.full(41, "20261101")
                .add(GoFile.person(100001, "First"))
                .add(GoFile.person(100002, "Other"))
                .add(GoFile.person(100001, "Second"));

        FileApplier.Result result = apply(file.content(), 41);

        assertThat(result.firstSnapshot()).isFalse();
        assertThat(jdbc.queryForList("select last_name from person where entity_id = '100001'", String.class))
                .containsExactly("Second");
        assertThat(count("select count(*) from entity_change where entity_type = 'PERSON'")).isEqualTo(2);
        assertThat(jdbc.queryForObject(INDEXES, String.class)).isEqualTo(indexes);
    }

    @Test
    void aFirstSnapshotThatFailsBeforeCommitLeavesNoRowAndEveryIndex() {
        String indexes = jdbc.queryForObject(INDEXES, String.class);
        jdbc.execute("""
                create function fail_commit() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash before commit'; end $$""");
        jdbc.execute("create trigger fail_commit before update on file_ledger for each row"
                + " when (new.state = 'APPLIED') execute function fail_commit()");

        assertThatThrownBy(() -> apply(sample(GOF_41), 41)).isInstanceOf(RuntimeException.class);

        assertThat(count("select count(*) from person_record")).isZero();
        assertThat(count("select count(*) from assignment_record")).isZero();
        assertThat(count("select count(*) from entity_change")).isZero();
        assertThat(jdbc.queryForObject(INDEXES, String.class)).isEqualTo(indexes);
    }

    @Test
    void aLedgerRowThatWorkforceRowsNameCannotBeDeleted() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        long applied = count("select id from file_ledger where file_name = ?", GOF_41);
        long unused = ledger.register("GO_123_RST_GOF_20261201_00000099.DAT", "FROM_ESR", "FULL", 99L,
                LedgerState.DISCOVERED, null);

        jdbc.update("delete from file_ledger_event where file_id in (?, ?)", applied, unused);
        assertThatThrownBy(() -> jdbc.update("delete from file_ledger where id = ?", applied))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.update("delete from file_ledger where id = ?", unused)).isEqualTo(1);
    }

    private String sample(String name) {
        return TestMailbox.sampleText(name);
    }

    private FileApplier.Result apply(String content, long sequence) throws IOException {
        String name = "GO_123_RST_GOF_20261101_%08d.DAT".formatted(sequence);
        Path file = dir.resolve(name);
        Files.writeString(file, content.replace(GOF_41, name), StandardCharsets.ISO_8859_1);
        ValidationReport report = new OutboundFileValidator(validationOptions).validate(file);
        assertThat(report.isValid()).as(report.toString()).isTrue();
        long id = ledger.register(name, "FROM_ESR", "FULL", sequence, LedgerState.VALIDATED, null);
        LedgerEntry e = ledger.find(id).orElseThrow();
        LedgerEntry entry = new LedgerEntry(e.id(), e.fileName(), e.direction(), null, null, "FULL", sequence,
                e.state(), null, report.header().runDate(), report.header().previousRunDate(), null, null, false, 0,
                e.discoveredAt(), e.updatedAt(), null, 0, null, null);
        return applier.apply(entry, file, true, true);
    }
}
