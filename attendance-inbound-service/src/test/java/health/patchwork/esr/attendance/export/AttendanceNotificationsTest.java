package health.patchwork.esr.attendance.export;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.CrashSwitch;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.attendance.ledger.PendingPeriod;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What the service tells the platform of, through the support outbox, with an endpoint configured (nothing
 * dispatches here: this context stands aside from the election, so the events stay queued to be looked at): a TA
 * file sent, a line a check holds, a period whose export is overdue. Each event is written with its change and goes
 * with it when that rolls back.
 */
@ServiceTest
@TestPropertySource(properties = {"esr.notifications.endpoints[0].url=http://127.0.0.1:9/hook",
        "esr.notifications.endpoints[0].secret=whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class AttendanceNotificationsTest {

    static final String PERIOD_2708 = "{\"taxYear\":27,\"period\":8}";
    static final String N_FILE = "TA_123_PWH_MN2708_00000001.DAT";
    static final String S_FILE = "TA_123_PWH_MS2708_00000002.DAT";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    CrashSwitch crash;
    @Autowired
    OverdueExports.OverdueCheck overdue;

    Api api;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock, crash);
        api = new Api(port);
    }

    @Test
    void aHeldLineIsToldOnceWithItsCheckAndEachFileSentIsTold() {
        post(line("ENDED", "20000001", "2026-10-20", "BANK", "7.5"),
                line("FINE", "20000003", "2026-10-20", "OT_PLAIN", "4"));
        endAssignment("20000001", "2026-10-15");

        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).isEqualTo(201);

        assertThat(events()).containsExactly("line.held line:ENDED", "inbound.file.sent file:" + N_FILE);
        JsonNode held = data("line.held").get(0);
        assertThat(held.get("lineId").asString()).isEqualTo("ENDED");
        assertThat(held.get("assignmentNumber").asString()).isEqualTo("20000001");
        assertThat(held.get("dateWorked").asString()).isEqualTo("2026-10-20");
        assertThat(held.get("period").asString()).isEqualTo("2708");
        assertThat(held.get("check").asString()).isEqualTo("ASSIGNMENT_ENDED");
        assertThat(held.has("reason")).as("the code, not the text").isFalse();
        JsonNode sent = data("inbound.file.sent").get(0);
        assertThat(sent.get("fileType").asString()).isEqualTo("TA");
        assertThat(sent.get("rowCount").asInt()).isEqualTo(1);
        assertThat(deliveries()).as("one per endpoint, queued").isEqualTo(2);

        // still held at the next export, which sends nothing: not told again
        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).isEqualTo(200);
        assertThat(events()).hasSize(2);

        // the feed puts it right: it goes, in the supplementary file
        jdbc.update("delete from workforce.published_assignment where assignment_number = '20000001'"
                + " and effective_start > date '2024-08-07'");
        jdbc.update("update workforce.published_assignment set effective_end = null"
                + " where assignment_number = '20000001'");
        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).isEqualTo(201);
        assertThat(events()).containsExactly("line.held line:ENDED", "inbound.file.sent file:" + N_FILE,
                "inbound.file.sent file:" + S_FILE);
    }

    @Test
    void aGenerationThatRollsBackTellsOfNoHold() {
        post(line("ENDED", "20000001", "2026-10-20", "BANK", "7.5"),
                line("FINE", "20000003", "2026-10-20", "OT_PLAIN", "4"));
        endAssignment("20000001", "2026-10-15");
        crash.arm(CrashSwitch.Point.BEFORE_COMMIT);

        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).as("the export failed").isGreaterThanOrEqualTo(500);

        assertThat(jdbc.queryForObject("select count(*) from attendance.export_file", Integer.class)).isZero();
        assertThat(events()).as("the hold rolled back with the file").isEmpty();
        assertThat(deliveries()).isZero();

        crash.disarm();
        assertThat(api.post("/api/v1/exports", PERIOD_2708).status()).isEqualTo(201);
        assertThat(events()).containsExactly("line.held line:ENDED", "inbound.file.sent file:" + N_FILE);
    }

    @Test
    void anOverdueExportIsToldOncePerPayrollPeriod() {
        post(line("H1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"));
        // October's cut-off is 3 November 09:30; overdue a day later, as health has it
        clock.set("2026-11-04T09:29:00Z");
        assertThat(overdue.run()).isEmpty();
        assertThat(events()).isEmpty();

        clock.set("2026-11-04T09:31:00Z");
        assertThat(overdue.run()).extracting(PendingPeriod::label).containsExactly("2708");

        assertThat(events()).containsExactly("export.overdue period::2708");
        JsonNode data = data("export.overdue").get(0);
        assertThat(data.get("fileType").asString()).isEqualTo("TA");
        assertThat(data.get("period").asString()).isEqualTo("2708");
        assertThat(data.get("cutOff").asString()).isEqualTo("2026-11-03T09:30:00Z");
        assertThat(data.get("unsentLines").asInt()).isEqualTo(1);

        clock.set("2026-11-05T09:31:00Z");
        assertThat(overdue.run()).as("still overdue").hasSize(1);
        assertThat(events()).as("but told once").hasSize(1);
        assertThat(deliveries()).isEqualTo(1);
    }

    private List<String> events() {
        return jdbc.queryForList("select type || ' ' || entity from attendance.notification_event order by id",
                String.class);
    }

    private int deliveries() {
        return jdbc.queryForObject("select count(*) from attendance.notification_delivery where state = 'PENDING'",
                Integer.class);
    }

    private List<JsonNode> data(String type) {
        return jdbc.queryForList("select body from attendance.notification_event where type = ? order by id",
                String.class, type).stream().map(body -> JSON.readTree(body).get("data")).toList();
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
}
