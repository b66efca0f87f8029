package health.patchwork.esr.attendance.export;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import tools.jackson.databind.JsonNode;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks a claim passes again just before its TA file goes, against the workforce as the feed has it then (the
 * published contract view, changed here as an outbound change file would change it) and the other lines of its
 * assignment and day. A held claim stays out of the file with its reason, in its line's status, the period summary,
 * the export's answer, the metric and health, and goes at the next export once the feed is put right.
 */
@ServiceTest
class ChecksBeforeExportTest {

    static final String PERIOD_2708 = "{\"taxYear\":27,\"period\":8}";
    static final String N_FILE = "TA_123_PWH_MN2708_00000001.DAT";
    static final String S_FILE = "TA_123_PWH_MS2708_00000002.DAT";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock);
        api = new Api(port);
    }

    @Test
    void anAssignmentEndedAfterTheLineWasAcceptedHoldsItsClaimUntilTheFeedPutsItRight() throws IOException {
        post(line("ENDED", "20000001", "2026-10-20", "BANK", "7.5"),
                line("FINE", "20000003", "2026-10-20", "OT_PLAIN", "4"));
        // the feed ends the assignment on 15 October after the line was accepted
        endAssignment("20000001", "2026-10-15");

        Api.Response export = api.post("/api/v1/exports", PERIOD_2708);

        assertThat(export.status()).isEqualTo(201);
        assertThat(export.text("/fileName")).isEqualTo(N_FILE);
        assertThat(export.body().get("rows").asInt()).as("only the line that passed").isEqualTo(1);
        assertThat(export.body().get("heldLines").asInt()).isEqualTo(1);
        assertThat(file(N_FILE)).contains("20000003").doesNotContain("20000001");

        JsonNode status = api.get("/api/v1/timesheet-lines/ENDED").body();
        assertThat(status.get("status").asString()).isEqualTo("HELD");
        assertThat(status.at("/entries/0/status").asString()).isEqualTo("HELD");
        assertThat(status.at("/entries/0/heldBy").asString()).isEqualTo("ASSIGNMENT_ENDED");
        assertThat(status.at("/entries/0/heldReason").asString())
                .isEqualTo("assignment ended on 2026-10-15, before the date worked 2026-10-20");

        JsonNode summary = api.get("/api/v1/periods/27/8/summary").body();
        assertThat(summary.get("heldLines").asInt()).isEqualTo(1);
        assertThat(summary.at("/held/0/lineId").asString()).isEqualTo("ENDED");
        assertThat(summary.at("/held/0/check").asString()).isEqualTo("ASSIGNMENT_ENDED");
        assertThat(summary.at("/totals").valueStream().mapToInt(t -> t.get("pendingRows").asInt()).sum())
                .as("a held claim is still pending, not dropped").isEqualTo(1);
        assertThat(meters.get("esr.attendance.claims.held").gauge().value()).isEqualTo(1.0);
        JsonNode health = api.get("/actuator/health/export").body();
        assertThat(health.get("status").asString()).isEqualTo("ATTENTION");
        assertThat(health.at("/details/heldLines").asInt()).isEqualTo(1);

        // ESR's next change file corrects the end date: the claim passes at the next export
        jdbc.update("delete from workforce.published_assignment where assignment_number = '20000001'"
                + " and effective_start > date '2024-08-07'");
        jdbc.update("update workforce.published_assignment set effective_end = null"
                + " where assignment_number = '20000001'");
        Api.Response next = api.post("/api/v1/exports", PERIOD_2708);

        assertThat(next.status()).isEqualTo(201);
        assertThat(next.text("/fileName")).isEqualTo(S_FILE);
        assertThat(next.body().get("heldLines").asInt()).isZero();
        assertThat(file(S_FILE)).contains("20000001");
        assertThat(api.get("/api/v1/timesheet-lines/ENDED").text("/status")).isEqualTo("EXPORTED");
        assertThat(meters.get("esr.attendance.claims.held").gauge().value()).isZero();
        assertThat(api.get("/actuator/health/export").text("/status")).isEqualTo("UP");
        valid(N_FILE, S_FILE);
    }

    @Test
    void aDateOutsideEverySliceAndAnAssignmentGoneFromTheFeedAreHeldAndWhenAllAreHeldNoFileGoes() {
        post(line("BEFORE", "20000003", "2026-10-20", "OT_PLAIN", "4"),
                line("GONE", "20000001", "2026-10-20", "BANK", "7.5"));
        jdbc.update("update workforce.published_assignment set effective_start = date '2026-10-21'"
                + " where assignment_number = '20000003' and effective_end = date '2026-10-31'");
        jdbc.update("delete from workforce.published_assignment where assignment_number = '20000001'");

        Api.Response export = api.post("/api/v1/exports", PERIOD_2708);

        assertThat(export.status()).as("nothing went, but lines wait: the answer says so").isEqualTo(200);
        assertThat(export.body().get("heldLines").asInt()).isEqualTo(2);
        assertThat(inbox()).isEmpty();
        assertThat(api.get("/api/v1/timesheet-lines/BEFORE").text("/entries/0/heldBy"))
                .isEqualTo("OUTSIDE_ASSIGNMENT");
        assertThat(api.get("/api/v1/timesheet-lines/BEFORE").text("/entries/0/heldReason"))
                .isEqualTo("the date worked 2026-10-20 is outside every slice of the assignment");
        assertThat(api.get("/api/v1/timesheet-lines/GONE").text("/entries/0/heldBy"))
                .isEqualTo("ASSIGNMENT_NOT_IN_FEED");
        assertThat(jdbc.queryForObject("select count(*) from attendance.export_file", Integer.class))
                .as("no file recorded, no sequence number used").isZero();

        jdbc.update("update workforce.published_assignment set effective_start = date '2024-08-07'"
                + " where assignment_number = '20000003' and effective_end = date '2026-10-31'");
        Api.Response next = api.post("/api/v1/exports", PERIOD_2708);
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.text("/fileName")).isEqualTo(N_FILE);
        assertThat(next.body().get("heldLines").asInt()).isEqualTo(1);
    }

    @Test
    void moreThan24HoursForAnAssignmentAndDayHoldsTheLineThatTipsItOverButNotAnEnhancement() {
        post(line("DAY", "20000001", "2026-10-20", "BANK", "12.5"));
        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).isEqualTo(201);
        post(line("NIGHT", "20000001", "2026-10-20", "BANK", "12"),
                line("UNSOCIAL", "20000001", "2026-10-20", "UNSOC_SAT", "12"));

        Api.Response export = api.post("/api/v1/exports", PERIOD_2708);

        assertThat(export.status()).isEqualTo(201);
        assertThat(export.body().get("rows").asInt()).as("the enhancement is not time worked").isEqualTo(1);
        JsonNode night = api.get("/api/v1/timesheet-lines/NIGHT").body();
        assertThat(night.get("status").asString()).isEqualTo("HELD");
        assertThat(night.at("/entries/0/heldBy").asString()).isEqualTo("OVER_24_HOURS");
        assertThat(night.at("/entries/0/heldReason").asString())
                .isEqualTo("24.5 hours claimed for the assignment on 2026-10-20, across 3 lines");
        assertThat(api.get("/api/v1/timesheet-lines/UNSOCIAL").text("/status")).isEqualTo("EXPORTED");

        // the platform corrects the line to what was worked: it is checked afresh and goes
        Api.Response corrected = api.post("/api/v1/timesheet-lines/NIGHT/corrections",
                "{\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-20\",\"payCode\":\"BANK\","
                        + "\"quantity\":11.5}");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/timesheet-lines/NIGHT").text("/status")).as("waits for the next check")
                .isEqualTo("PENDING");
        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/timesheet-lines/NIGHT").text("/status")).isEqualTo("EXPORTED");
    }

    @Test
    void twoLinesWithOnePayCodeOnOneDayGoWithAWarningInTheFileReport() {
        post(line("EARLY", "20000001", "2026-10-20", "BANK", "4"),
                line("LATE", "20000001", "2026-10-20", "BANK", "3.5"));

        Api.Response export = api.post("/api/v1/exports", PERIOD_2708);

        assertThat(export.status()).isEqualTo(201);
        assertThat(export.body().get("rows").asInt()).as("a warning does not hold").isEqualTo(2);
        assertThat(export.body().get("warnings").valueStream().map(w -> w.get("lineId").asString()))
                .containsExactly("EARLY", "LATE");
        assertThat(export.text("/warnings/0/warning"))
                .isEqualTo("line(s) LATE claim the same pay code BANK for the assignment on 2026-10-20");
        assertThat(api.get("/api/v1/files/" + N_FILE).body().get("warnings").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/timesheet-lines/LATE").text("/entries/0/warning"))
                .contains("EARLY claim the same pay code BANK");
    }

    @Test
    void aReversalIsNeverHeldEvenWhenTheCorrectedClaimIs() {
        post(line("SHIFT", "20000001", "2026-10-20", "BANK", "7.5"));
        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).isEqualTo(201);
        Api.Response corrected = api.post("/api/v1/timesheet-lines/SHIFT/corrections",
                "{\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-20\",\"payCode\":\"BANK\","
                        + "\"quantity\":5}");
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        // the leaver arrives from ESR after the correction was accepted
        endAssignment("20000001", "2026-10-15");

        Api.Response export = api.post("/api/v1/exports", PERIOD_2708);

        assertThat(export.status()).isEqualTo(201);
        assertThat(export.body().get("rows").asInt()).as("the reversal alone").isEqualTo(1);
        assertThat(export.body().get("heldLines").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/timesheet-lines/SHIFT").body().get("entries").valueStream()
                .map(e -> e.get("kind").asString() + " " + e.get("status").asString()))
                .containsExactly("CLAIM EXPORTED", "REVERSAL EXPORTED", "CLAIM HELD");
    }

    private void post(String... lines) {
        Api.Response posted = api.post("/api/v1/timesheet-lines", batch(lines));
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(200);
    }

    /** As the feed records a leaver: the open slice ends on {@code lastDay} and a terminated one follows. */
    private void endAssignment(String assignmentNumber, String lastDay) {
        jdbc.update("update workforce.published_assignment set effective_end = ?::date where assignment_number = ?"
                + " and effective_end is null", lastDay, assignmentNumber);
        jdbc.update("""
                insert into workforce.published_assignment (assignment_id, assignment_number, person_id,
                    employee_number, effective_start, effective_end, assignment_status, ta_flag, cost_centre)
                select assignment_id, assignment_number, person_id, employee_number, ?::date + 1, null,
                       'TERM_ASSIGN', 'N', cost_centre
                from workforce.published_assignment where assignment_number = ? and effective_end = ?::date""",
                lastDay, assignmentNumber, lastDay);
    }

    private String file(String name) throws IOException {
        return Files.readString(mailbox.resolve("/in/" + name), StandardCharsets.ISO_8859_1);
    }

    private List<String> inbox() {
        try (var files = Files.list(mailbox.resolve("/in"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void valid(String... names) {
        InboundFileValidator validator = new InboundFileValidator(InboundValidationOptions.forVpd("123"));
        for (String name : names) {
            assertThat(validator.validate(mailbox.resolve("/in/" + name)).isValid()).as(name).isTrue();
        }
    }
}
