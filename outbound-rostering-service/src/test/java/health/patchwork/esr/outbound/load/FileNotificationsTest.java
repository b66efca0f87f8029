package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.OutboxRows;
import health.patchwork.esr.outbound.TestMailbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A GO file held, quarantined or applied is told to the platform ({@code outbound.file.*}) by an outbox row written
 * in the transaction of that ledger change: a rolled-back apply tells nothing.
 */
class FileNotificationsTest extends OutboundTestBase {

    private static final String ENDPOINT = "http://127.0.0.1:9/hook";

    @Autowired
    FileProcessor processor;

    private OutboxRows outbox;

    @BeforeEach
    void emptyOutbox() {
        outbox = new OutboxRows(jdbc);
        outbox.clear();
    }

    @AfterEach
    void dropFault() {
        jdbc.execute("drop trigger if exists fail_commit on file_ledger");
        jdbc.execute("drop function if exists fail_commit()");
    }

    @Test
    void anAppliedFileIsToldWithItsCountsAndItsChangeFeedRange() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        OutboxRows.Event applied = single("outbound.file.applied");
        assertThat(applied.entity()).isEqualTo("file:" + GOF_41);
        assertThat(applied.onceKey()).isNull();
        assertThat(applied.deliveries()).containsExactly(ENDPOINT + " PENDING");
        JsonNode data = applied.data();
        assertThat(data.get("fileName").asString()).isEqualTo(GOF_41);
        assertThat(data.get("fileId").asLong()).isEqualTo(ledgerId(GOF_41));
        assertThat(data.get("state").asString()).isEqualTo("APPLIED");
        assertThat(data.get("extractType").asString()).isEqualTo("FULL");
        assertThat(data.get("sequenceNumber").asLong()).isEqualTo(41);
        assertThat(data.get("cursor").get("after").asString()).isEqualTo("0");
        assertThat(data.get("cursor").get("upTo").asString())
                .isEqualTo(Long.toString(count("select max(seq) from entity_change")));
        assertThat(data.get("changeCount").asLong()).isEqualTo(count("select count(*) from entity_change"));
        assertThat(data.get("counts").findValuesAsString("entityType")).contains("PERSON", "ASSIGNMENT");
        JsonNode persons = countOf(data, "PERSON", "UPSERTED");
        assertThat(persons.get("count").asLong()).isEqualTo(3);
        assertThat(applied.body().get("type").asString()).isEqualTo("outbound.file.applied");

        long before = count("select max(seq) from entity_change");
        mailbox.deliverSample(GOC_42);
        mailbox.poll();

        JsonNode change = outbox.ofType("outbound.file.applied").get(1).data();
        assertThat(change.get("fileName").asString()).isEqualTo(GOC_42);
        assertThat(change.get("cursor").get("after").asString()).isEqualTo(Long.toString(before));
        assertThat(change.get("cursor").get("upTo").asString())
                .isEqualTo(Long.toString(count("select max(seq) from entity_change")));
        assertThat(change.get("changeCount").asLong())
                .isEqualTo(count("select count(*) from entity_change where seq > ?", before));
        assertNoPersonalData();
    }

    @Test
    void aHeldFileIsToldWithItsReasonAndThenAppliedInOrder() {
        // a change file before any baseline waits for a full file
        mailbox.deliverSample(GOC_42);
        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("HELD/HELD_AWAITING_REFRESH");
        OutboxRows.Event held = single("outbound.file.held");
        assertThat(held.entity()).isEqualTo("file:" + GOC_42);
        assertThat(held.data().get("fileName").asString()).isEqualTo(GOC_42);
        assertThat(held.data().get("fileId").asLong()).isEqualTo(ledgerId(GOC_42));
        assertThat(held.data().get("state").asString()).isEqualTo("HELD");
        assertThat(held.data().get("reason").asString()).isEqualTo("HELD_AWAITING_REFRESH");
        assertThat(held.deliveries()).containsExactly(ENDPOINT + " PENDING");

        // the full file comes, and the held change file is re-run after it
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("APPLIED/APPLIED");
        assertThat(outbox.all()).filteredOn(event -> event.entity().equals("file:" + GOC_42))
                .extracting(OutboxRows.Event::type).containsExactly("outbound.file.held", "outbound.file.applied");
        assertThat(outbox.all()).filteredOn(event -> event.type().startsWith("outbound.file."))
                .extracting(OutboxRows.Event::entity)
                .containsExactly("file:" + GOC_42, "file:" + GOF_41, "file:" + GOC_42);
    }

    @Test
    void aQuarantinedFileIsToldWithItsOutcomeCodeAndNothingOfItsReport() {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        // one ASA row loses its last field: the report quotes line 5, the event only the code
        String[] lines = TestMailbox.sampleText(GOC_42).split("\r\n");
        lines[4] = lines[4].substring(0, lines[4].lastIndexOf('~'));
        mailbox.deliver(GOC_42, String.join("\r\n", lines) + "\r\n");
        mailbox.poll();

        assertThat(ledgerOutcome(GOC_42)).isEqualTo("QUARANTINED/REJECTED_FIELD_COUNT");
        OutboxRows.Event quarantined = single("outbound.file.quarantined");
        assertThat(quarantined.entity()).isEqualTo("file:" + GOC_42);
        assertThat(quarantined.data().get("state").asString()).isEqualTo("QUARANTINED");
        assertThat(quarantined.data().get("reason").asString()).isEqualTo("REJECTED_FIELD_COUNT");
        assertThat(quarantined.data().propertyNames()).containsExactlyInAnyOrder("fileName", "fileId", "state",
                "extractType", "sequenceNumber", "reason");
        assertThat(outbox.ofType("outbound.file.applied")).extracting(e -> e.data().get("fileName").asString())
                .containsExactly(GOF_41);
        assertNoPersonalData();
    }

    @Test
    void aFailedApplyTellsNothingAndTheLaterApplyIsToldOnce() {
        // the database refuses the final ledger update, as if the process died just before commit
        jdbc.execute("""
                create function fail_commit() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash before commit'; end $$""");
        jdbc.execute("create trigger fail_commit before update on file_ledger for each row"
                + " when (new.state = 'APPLIED') execute function fail_commit()");
        mailbox.deliverSample(GOF_41);
        mailbox.poll();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("VALIDATED/");
        assertThat(count("select count(*) from entity_change")).isZero();
        assertThat(outbox.all()).isEmpty();
        assertThat(count("select count(*) from notification_delivery")).isZero();

        dropFault();
        processor.processUnfinished();

        assertThat(ledgerOutcome(GOF_41)).isEqualTo("APPLIED/APPLIED");
        assertThat(outbox.ofType("outbound.file.applied")).hasSize(1);
    }

    private OutboxRows.Event single(String type) {
        List<OutboxRows.Event> events = outbox.ofType(type);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private long ledgerId(String fileName) {
        return count("select id from file_ledger where file_name = ? order by id desc limit 1", fileName);
    }

    private static JsonNode countOf(JsonNode data, String entityType, String change) {
        for (JsonNode count : data.get("counts")) {
            if (count.get("entityType").asString().equals(entityType) && count.get("change").asString().equals(change)) {
                return count;
            }
        }
        throw new AssertionError("no count of " + entityType + " " + change + " in " + data);
    }

    /** The sample's people (names, NI numbers, dates of birth) never travel in an event. */
    private void assertNoPersonalData() {
        assertThat(outbox.bodies()).doesNotContain("Olivia").doesNotContain("QQ456789D").doesNotContain("Dan");
    }
}
