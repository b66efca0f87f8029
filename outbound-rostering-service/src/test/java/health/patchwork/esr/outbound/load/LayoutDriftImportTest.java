package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A full and a change file whose ASA and ORA rows carry one extra empty field at the end (layout drift) are applied
 * as the undrifted files would be, with a warning per record type on the file's report and the rows counted in a
 * metric; the feed does not stop.
 */
class LayoutDriftImportTest extends OutboundTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void driftedFilesAreAppliedAsTheOriginalsWouldBeWithTheDriftReported() {
        double driftedAsa = counter("ASA");

        mailbox.deliver(GOF_41, drifted(TestMailbox.sampleText(GOF_41)));
        mailbox.poll();
        mailbox.deliver(GOC_42, drifted(TestMailbox.sampleText(GOC_42)));
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(ledgerOutcome(GOC_42)).isEqualTo("APPLIED/APPLIED");
        String report = jdbc.queryForObject("select report::text from file_ledger where file_name = ?", String.class,
                GOF_41);
        assertThat(report).contains("trailingEmptyFieldRows").contains("extra field(s) at the end are empty");
        long asaRows = TestMailbox.sampleText(GOF_41).lines().filter(row -> row.startsWith("ASA~")).count()
                + TestMailbox.sampleText(GOC_42).lines().filter(row -> row.startsWith("ASA~")).count();
        assertThat(counter("ASA")).isEqualTo(driftedAsa + asaRows);

        List<Map<String, Object>> assignments = jdbc.queryForList(
                "select entity_id, effective_start, effective_end, fte, assignment_number from assignment"
                        + " order by entity_id, effective_start");
        List<Map<String, Object>> organisations = jdbc.queryForList("select * from organisation order by entity_id");

        mailbox.reset();
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        mailbox.deliverSample(GOC_42);
        mailbox.poll();
        assertThat(jdbc.queryForList("select entity_id, effective_start, effective_end, fte, assignment_number"
                + " from assignment order by entity_id, effective_start")).isEqualTo(assignments);
        assertThat(stripFileIds(jdbc.queryForList("select * from organisation order by entity_id")))
                .isEqualTo(stripFileIds(organisations));
    }

    private static String drifted(String file) {
        return Arrays.stream(file.split("\n", -1))
                .map(row -> row.startsWith("ASA~") || row.startsWith("ORA~") ? row.replaceFirst("(\r?)$", "~$1") : row)
                .collect(Collectors.joining("\n"));
    }

    /** The rows without the columns that name the file or time they came with, and raw: the row as ESR sent it. */
    private static List<Map<String, Object>> stripFileIds(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> kept = new java.util.LinkedHashMap<>(row);
            kept.keySet().removeIf(column -> column.endsWith("file_id") || column.endsWith("_at")
                    || column.equals("raw"));
            return kept;
        }).toList();
    }

    private double counter(String recordType) {
        var counter = meters.find("esr.outbound.layout.drift.rows").tags("record_type", recordType).counter();
        return counter == null ? 0 : counter.count();
    }
}
