package health.patchwork.esr.outbound.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A GO file that does not come on the Trust's schedule shows as ATTENTION, never as an outage. */
class FileArrivalHealthTest extends OutboundTestBase {

    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");

    @Autowired
    FileLedger ledger;

    private final MutableClock clock = new MutableClock(START);

    private FileArrivalHealth health() {
        return new FileArrivalHealth(ledger, settings, clock, START);
    }

    private void received(String name, Instant at) {
        jdbc.update("insert into file_ledger (file_name, direction, extract_type, state, outcome, discovered_at,"
                + " applied_at) values (?, 'FROM_ESR', 'CHANGE', 'APPLIED', 'APPLIED', ?, ?)", name,
                Timestamp.from(at), Timestamp.from(at));
    }

    @Test
    void beforeTheFirstFileTheWaitCountsFromStartUp() {
        clock.advance(Duration.ofHours(29));
        assertThat(health().health().getStatus()).isEqualTo(Status.UP);

        clock.advance(Duration.ofHours(2));
        Health late = health().health();
        assertThat(late.getStatus()).isEqualTo(FeedHealth.ATTENTION);
        assertThat(String.valueOf(late.getDetails().get("late"))).contains("none received yet");
    }

    @Test
    void aFileIsLateOnceTheIntervalAndTheGraceHavePassed() {
        received(GOC_42, START.plus(Duration.ofHours(1)));
        // default: every 1d, grace 6h, so due 30h after the last file
        clock.set(START.plus(Duration.ofHours(31)));
        Health onTime = health().health();
        assertThat(onTime.getStatus()).isEqualTo(Status.UP);
        assertThat(onTime.getDetails()).containsKey("lastReceived").containsKey("lastApplied");

        clock.set(START.plus(Duration.ofHours(31)).plusSeconds(1));
        Health late = health().health();
        assertThat(late.getStatus()).isEqualTo(FeedHealth.ATTENTION);
        assertThat(String.valueOf(late.getDetails().get("lastReceived"))).contains(GOC_42);
    }

    @Test
    void quarantinedFilesAreCountedUntilTheirContentIsPurged() {
        jdbc.update("insert into file_ledger (file_name, direction, extract_type, state, outcome) values"
                + " (?, 'FROM_ESR', 'CHANGE', 'QUARANTINED', 'REJECTED_RECORD_COUNT')", GOC_42);

        assertThat(health().health().getDetails()).containsEntry("quarantinedFiles", 1L);
    }

    @Test
    void aLateFileLeavesLivenessAndReadinessUpAndOverallHealthAnswers200() {
        jdbc.update("insert into file_ledger (file_name, direction, extract_type, state, outcome, discovered_at)"
                + " values (?, 'FROM_ESR', 'CHANGE', 'APPLIED', 'APPLIED', now() - interval '3 days')", GOC_42);
        RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();

        var overall = client.get().uri("/actuator/health").header("Authorization", "Bearer " + TestTokens.operator())
                .retrieve().toEntity(String.class);
        assertThat(overall.getStatusCode().value()).isEqualTo(200);
        JsonNode components = JsonMapper.builder().build().readTree(overall.getBody()).get("components");
        assertThat(components.get("outboundArrivals").get("status").asString()).isEqualTo("ATTENTION");
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = client.get().uri(probe).retrieve().toEntity(String.class);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getBody()).contains("\"status\":\"UP\"");
        }
    }
}
