package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.absence.support.AbsenceServiceTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What the service tells the platform of through the support outbox, with an endpoint configured (this context
 * stands aside from the election, so nothing dispatches and the queued rows are what is asserted): an absence held
 * by a check, an AB file sent, an absence ESR confirmed or left unconfirmed past
 * the window, a finalised period whose export is overdue. Each event is written with its change, goes with it when
 * that rolls back, and the once-only ones are told once.
 */
@TestPropertySource(properties = {"esr.leader.candidate=false", "esr.notifications.endpoints[0].url=http://127.0.0.1:9/hook",
        "esr.notifications.endpoints[0].secret=whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class AbsenceNotificationsTest extends AbsenceServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LEAVE = """
            {"absenceId": "A000131", "assignmentNumber": "20000001", "category": "ANNUAL_LEAVE",
             "startDate": "2026-11-16", "endDate": "2026-11-16", "units": 7.5}""";
    static final String SICK = """
            {"absenceId": "A000132", "assignmentNumber": "20000003", "category": "SICKNESS", "reason": "S12",
             "startDate": "2026-11-02", "openEnded": true}""";
    static final String N_FILE = "AB_123_PWH_MN2708_00000001.DAT";

    @Autowired
    OverdueExports.OverdueCheck overdue;

    @AfterEach
    void dropTrigger() {
        jdbc.execute("drop trigger if exists fail_confirm on absence.absence");
    }

    @Test
    void anAbsenceHeldByACheckIsToldOnceAndItsFileWhenSent() {
        post("/api/v1/absences", AbsenceExportTest.batch(SICK));
        jdbc.update("update workforce.published_assignment set effective_end = date '2026-10-31'"
                + " where assignment_number = '20000003'");

        assertThat(post("/api/v1/periods/M2708/finalise").body()).contains("\"file\":null");

        assertThat(events()).containsExactly("line.held absence:A000132");
        JsonNode held = data("line.held").get(0);
        assertThat(held.get("absenceId").asString()).isEqualTo("A000132");
        assertThat(held.get("reference").asString()).isEqualTo("PWH-A000132");
        assertThat(held.get("assignmentNumber").asString()).isEqualTo("20000003");
        assertThat(held.get("check").asString()).isEqualTo("ASSIGNMENT_ENDED");
        assertThat(held.get("period").asString()).isEqualTo("2708");
        assertThat(pending()).isEqualTo(1);

        post("/api/v1/periods/M2708/finalise");
        assertThat(events()).as("held again for the same reason: not told again").hasSize(1);

        jdbc.update("update workforce.published_assignment set effective_end = null where assignment_number = '20000003'");
        assertThat(post("/api/v1/periods/M2708/finalise").<String>json("$.file")).isEqualTo(N_FILE);
        assertThat(events()).containsExactly("line.held absence:A000132", "inbound.file.sent file:" + N_FILE);
        assertThat(data("inbound.file.sent").get(0).get("fileType").asString()).isEqualTo("AB");
    }

    @Test
    void confirmedWhenEsrEchoesItAndUnconfirmedOncePastTheWindow() {
        String unechoed = LEAVE.replace("A000131", "A000133").replace("2026-11-16", "2026-11-20");
        post("/api/v1/absences", "{\"absences\": [" + LEAVE + "," + SICK + "," + unechoed + "]}");
        post("/api/v1/periods/M2708/finalise");
        echo("9001", "PWH-A000132", "Sickness", "2026-11-02", null);

        post("/api/v1/reconciliation/run");
        post("/api/v1/reconciliation/run");

        assertThat(events()).containsExactly("inbound.file.sent file:" + N_FILE,
                "absence.confirmed absence:A000132");
        JsonNode confirmed = data("absence.confirmed").get(0);
        assertThat(confirmed.get("absenceId").asString()).isEqualTo("A000132");
        assertThat(confirmed.get("reference").asString()).isEqualTo("PWH-A000132");
        assertThat(confirmed.get("assignmentNumber").asString()).isEqualTo("20000003");
        assertThat(confirmed.get("absenceType").asString()).isEqualTo("Sickness");
        assertThat(confirmed.get("startDate").asString()).isEqualTo("2026-11-02");
        assertThat(confirmed.get("endDate").isNull()).isTrue();
        assertThat(confirmed.get("fileName").asString()).isEqualTo(N_FILE);
        assertThat(confirmed.get("esrAbsenceId").asString()).isEqualTo("9001");

        clock.advance(Duration.ofDays(44));
        post("/api/v1/reconciliation/run");
        assertThat(events()).as("within the window").hasSize(2);

        clock.advance(Duration.ofDays(2));
        post("/api/v1/reconciliation/run");
        post("/api/v1/reconciliation/run");

        assertThat(events()).containsExactly("inbound.file.sent file:" + N_FILE,
                "absence.confirmed absence:A000132", "absence.unconfirmed absence:A000131",
                "absence.unconfirmed absence:A000133");
        assertThat(data("absence.unconfirmed").get(0).get("windowDays").asInt()).isEqualTo(45);
        assertThat(pending()).isEqualTo(4);
    }

    @Test
    void aReconciliationThatRollsBackTellsOfNoConfirmation() {
        post("/api/v1/absences", AbsenceExportTest.batch(SICK));
        post("/api/v1/periods/M2708/finalise");
        echo("9001", "PWH-A000132", "Sickness", "2026-11-02", null);
        // the confirmation and its event are written; the commit fails
        jdbc.execute("""
                create or replace function absence.fail_confirm() returns trigger language plpgsql as $$
                begin raise exception 'the database refuses this commit'; end $$""");
        jdbc.execute("create constraint trigger fail_confirm after update on absence.absence deferrable initially"
                + " deferred for each row when (new.confirmed_revision is distinct from old.confirmed_revision)"
                + " execute function absence.fail_confirm()");

        assertThat(post("/api/v1/reconciliation/run").status()).isGreaterThanOrEqualTo(500);
        assertThat(events()).containsExactly("inbound.file.sent file:" + N_FILE);

        jdbc.execute("drop trigger fail_confirm on absence.absence");
        post("/api/v1/reconciliation/run");
        assertThat(events()).containsExactly("inbound.file.sent file:" + N_FILE,
                "absence.confirmed absence:A000132");
    }

    @Test
    void anOverdueAbExportIsToldOncePerPayrollPeriod() {
        Instant posted = Instant.parse("2026-11-01T10:00:00Z");
        Instant finalised = posted.plus(Duration.ofHours(1));
        clock.set(posted);
        assertThat(post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_127)).status())
                .isEqualTo(200);
        // finalised, but its export failed: recorded without a file
        jdbc.update("insert into finalised_period (period_type, period_key, finalised_at, finalised_by)"
                + " values ('M', 2707, ?, 'platform')", Timestamp.from(finalised));

        clock.set(finalised.plus(Duration.ofDays(1)).minusSeconds(60));
        assertThat(overdue.run()).isEmpty();

        clock.set(finalised.plus(Duration.ofDays(1)).plusSeconds(60));
        assertThat(overdue.run()).extracting(AbsenceStore.LeftUnsent::absences).containsExactly(1L);
        clock.advance(Duration.ofHours(3));
        assertThat(overdue.run()).as("still overdue").hasSize(1);

        assertThat(events()).as("told once").containsExactly("export.overdue period::2707");
        JsonNode data = data("export.overdue").get(0);
        assertThat(data.get("fileType").asString()).isEqualTo("AB");
        assertThat(data.get("period").asString()).isEqualTo("2707");
        assertThat(data.get("finalisedAt").asString()).isEqualTo(finalised.toString());
        assertThat(data.get("unsentAbsences").asInt()).isEqualTo(1);
    }

    private void echo(String esrId, String reference, String type, String start, String end) {
        jdbc.update("""
                insert into workforce.published_absence (absence_attendance_id, person_id, third_party_reference,
                    absence_type, actual_start_date, actual_end_date)
                values (?, 'P1', ?, ?, ?::date, ?::date)""", esrId, reference, type, start, end);
    }

    private List<String> events() {
        return jdbc.queryForList("select type || ' ' || entity from absence.notification_event order by id",
                String.class);
    }

    private int pending() {
        return jdbc.queryForObject("select count(*) from absence.notification_delivery where state = 'PENDING'",
                Integer.class);
    }

    private List<JsonNode> data(String type) {
        return jdbc.queryForList("select body from absence.notification_event where type = ? order by id",
                String.class, type).stream().map(body -> JSON.readTree(body).get("data")).toList();
    }
}
