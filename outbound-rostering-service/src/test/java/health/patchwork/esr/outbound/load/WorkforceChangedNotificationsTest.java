package health.patchwork.esr.outbound.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.OutboxRows;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code workforce.changed}: each apply's change-feed rows, told as ids and cursor ranges in parts of at most 500
 * ids, each part naming exactly the rows the change feed gives after its {@code after} cursor.
 */
class WorkforceChangedNotificationsTest extends OutboundTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutboxRows outbox;

    @BeforeEach
    void emptyOutbox() {
        outbox = new OutboxRows(jdbc);
        outbox.clear();
    }

    @Test
    void aBigFileIsToldInPartsOfAtMost500IdsWhoseCursorsMatchTheChangeFeed() {
        GoFile full = GoFile.full(41, "20261101");
        for (long person = 100_001; person <= 101_200; person++) {
            full.person(person);
        }
        mailbox.deliver(full.name(), full.content());
        mailbox.poll();
        assertThat(ledgerOutcome(full.name())).isEqualTo("APPLIED/APPLIED");

        List<OutboxRows.Event> parts = outbox.ofType("workforce.changed");
        assertThat(parts).hasSize(3).allSatisfy(part -> {
            assertThat(part.entity()).isEqualTo("workforce");
            assertThat(part.deliveries()).hasSize(1);
            assertThat(part.data().get("fileName").asString()).isEqualTo(full.name());
            assertThat(part.data().get("parts").asInt()).isEqualTo(3);
        });
        assertThat(parts).extracting(part -> part.data().get("changes").size()).containsExactly(500, 500, 200);
        assertThat(parts).extracting(part -> part.data().get("part").asInt()).containsExactly(1, 2, 3);
        assertMatchesTheFeed(parts, "0");
        assertThat(parts.get(2).data().get("cursor").get("upTo").asString())
                .isEqualTo(Long.toString(count("select max(seq) from entity_change")));

        // a change file: one part, following on from the full file's last cursor
        String lastCursor = parts.get(2).data().get("cursor").get("upTo").asString();
        GoFile change = GoFile.change(42, "20261101", "20261102").add(GoFile.person(100_002, "Renamed"))
                .add(GoFile.person(101_500, "New"));
        mailbox.deliver(change.name(), change.content());
        mailbox.poll();
        assertThat(ledgerOutcome(change.name())).isEqualTo("APPLIED/APPLIED");

        List<OutboxRows.Event> next = outbox.ofType("workforce.changed").subList(3, 4);
        assertThat(outbox.ofType("workforce.changed")).hasSize(4);
        assertMatchesTheFeed(next, lastCursor);
        assertThat(next.get(0).data().get("changes").findValuesAsString("entityId"))
                .containsExactly("100002", "101500");
        assertThat(next.get(0).data().get("changes").findValuesAsString("entityType"))
                .containsExactly("PERSON", "PERSON");
        // ids and cursors only: not the names the file carried
        assertThat(outbox.bodies()).doesNotContain("Renamed").doesNotContain("Employee100001")
                .doesNotContain("QQ000000A");
        OutboxRows.Event applied = outbox.ofType("outbound.file.applied").get(1);
        assertThat(applied.data().get("cursor")).isEqualTo(JSON.readTree("{\"after\": \"" + lastCursor
                + "\", \"upTo\": \"" + next.get(0).data().get("cursor").get("upTo").asString() + "\"}"));
    }

    @Test
    void aFileThatChangesNothingTellsNoWorkforceChange() {
        GoFile full = GoFile.full(41, "20261101").person(100_001);
        mailbox.deliver(full.name(), full.content());
        mailbox.poll();
        GoFile empty = GoFile.change(42, "20261101", "20261102");
        mailbox.deliver(empty.name(), empty.content());
        mailbox.poll();

        assertThat(ledgerOutcome(empty.name())).isEqualTo("APPLIED/APPLIED");
        assertThat(outbox.ofType("workforce.changed")).singleElement()
                .satisfies(part -> assertThat(part.data().get("fileName").asString()).isEqualTo(full.name()));
        assertThat(outbox.ofType("outbound.file.applied")).hasSize(2);
    }

    /**
     * The parts follow on from {@code firstAfter} without a gap, and each names, in order, exactly the feed rows
     * {@code GET /api/v1/changes?after=<after>} returns up to its {@code upTo}.
     */
    private void assertMatchesTheFeed(List<OutboxRows.Event> parts, String firstAfter) {
        String expectedAfter = firstAfter;
        for (OutboxRows.Event part : parts) {
            JsonNode cursor = part.data().get("cursor");
            assertThat(cursor.get("after").asString()).isEqualTo(expectedAfter);
            JsonNode page = JSON.readTree(RestClient.create("http://127.0.0.1:" + port).get()
                    .uri("/api/v1/changes?limit=" + part.data().get("changes").size() + "&after=" + expectedAfter)
                    .header("Authorization", "Bearer " + TestTokens.platform()).retrieve().body(String.class));
            List<String> fromFeed = new ArrayList<>();
            page.get("changes").forEach(row -> fromFeed.add(row.get("entityType").asString() + " "
                    + row.get("entityId").asString()));
            List<String> told = new ArrayList<>();
            part.data().get("changes").forEach(row -> told.add(row.get("entityType").asString() + " "
                    + row.get("entityId").asString()));
            assertThat(told).isEqualTo(fromFeed);
            assertThat(page.get("nextCursor").asString()).isEqualTo(cursor.get("upTo").asString());
            expectedAfter = cursor.get("upTo").asString();
        }
    }
}
