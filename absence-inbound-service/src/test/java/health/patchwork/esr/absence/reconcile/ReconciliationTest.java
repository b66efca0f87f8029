package health.patchwork.esr.absence.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import health.patchwork.esr.absence.support.AbsenceServiceTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ESR echoes our absences in the outbound feed; the outbound service publishes them in workforce.published_absence. */
class ReconciliationTest extends AbsenceServiceTest {

    static final String LEAVE = """
            {"absenceId": "A000131", "assignmentNumber": "20000001", "category": "ANNUAL_LEAVE",
             "startDate": "2026-11-16", "endDate": "2026-11-16", "units": 7.5}""";
    static final String SICK = """
            {"absenceId": "A000132", "assignmentNumber": "20000003", "category": "SICKNESS", "reason": "S12",
             "startDate": "2026-11-02", "openEnded": true}""";

    @Autowired
    MeterRegistry meters;

    private void echo(String esrId, String reference, String type, String start, String end) {
        jdbc.update("""
                insert into workforce.published_absence (absence_attendance_id, person_id, third_party_reference,
                    absence_type, actual_start_date, actual_end_date)
                values (?, 'P1', ?, ?, ?::date, ?::date)""", esrId, reference, type, start, end);
    }

    private String status(String absenceId) {
        return get("/api/v1/absences/" + absenceId).json("$.status");
    }

    @Test
    void anEchoedAbsenceIsConfirmedOnlyWhenItMatchesWhatWasLastSent() {
        post("/api/v1/absences", "{\"absences\": [" + LEAVE + "," + SICK + "]}");
        post("/api/v1/periods/M2708/finalise");
        echo("9001", "PWH-A000132", "Sickness", "2026-11-02", null);
        assertThat(meters.get("esr.absence.unconfirmed").gauge().value()).isEqualTo(2);

        Response run = post("/api/v1/reconciliation/run");

        assertThat(run.<Integer>json("$.newlyConfirmed")).isEqualTo(1);
        assertThat(meters.get("esr.absence.unconfirmed").gauge().value()).isEqualTo(1);
        assertThat(status("A000132")).isEqualTo("CONFIRMED");
        assertThat(get("/api/v1/absences/A000132").<String>json("$.confirmedAt")).isNotNull();
        assertThat(status("A000131")).isEqualTo("EXPORTED");

        post("/api/v1/absences/A000132/end", "{\"endDate\": \"2026-11-06\"}");
        assertThat(status("A000132")).isEqualTo("PENDING");
        post("/api/v1/periods/M2708/finalise");
        post("/api/v1/reconciliation/run");
        assertThat(status("A000132")).isEqualTo("EXPORTED");

        jdbc.update("update workforce.published_absence set actual_end_date = date '2026-11-06'"
                + " where third_party_reference = 'PWH-A000132'");
        post("/api/v1/reconciliation/run");
        assertThat(status("A000132")).isEqualTo("CONFIRMED");
    }

    @Test
    void exportedAbsencesNotConfirmedWithinTheWindowNeedAttention() {
        String unechoed = LEAVE.replace("A000131", "A000133").replace("2026-11-16", "2026-11-20");
        post("/api/v1/absences", "{\"absences\": [" + LEAVE + "," + SICK + "," + unechoed + "]}");
        post("/api/v1/periods/M2708/finalise");
        echo("9001", "PWH-A000132", "Sickness", "2026-11-02", null);
        echo("9002", "PWH-A000131", "Annual Leave Hours 1", "2026-11-17", "2026-11-17");
        post("/api/v1/reconciliation/run");

        clock.advance(Duration.ofDays(44));
        assertThat(get("/api/v1/reconciliation/attention").<Integer>json("$.count")).isZero();

        clock.advance(Duration.ofDays(2));
        Response attention = get("/api/v1/reconciliation/attention");

        assertThat(attention.<List<String>>json("$.absences[*].absenceId")).containsExactly("A000131", "A000133");
        assertThat(attention.<List<String>>json("$.absences[*].attentionReason")).containsExactly(
                "ESR holds it with another absence type, start or end than last sent, 45 days after export",
                "exported but not echoed back by ESR within 45 days");
        assertThat(status("A000131")).isEqualTo("NEEDS_ATTENTION");
        assertThat(status("A000132")).isEqualTo("CONFIRMED");
        assertThat(meters.get("esr.absence.needs.attention").gauge().value()).isEqualTo(2.0);
        assertThat(get("/actuator/metrics/esr.absence.needs.attention").<Double>json("$.measurements[0].value"))
                .isEqualTo(2.0);
    }

    @Test
    void aWithdrawalIsConfirmedWhenESRHasDeletedTheEchoedAbsence() {
        post("/api/v1/absences", "{\"absences\": [" + LEAVE + "]}");
        post("/api/v1/periods/M2708/finalise");
        echo("9002", "PWH-A000131", "Annual Leave Hours 1", "2026-11-16", "2026-11-16");
        post("/api/v1/reconciliation/run");
        post("/api/v1/absences/A000131/cancel");
        post("/api/v1/periods/M2708/finalise");
        jdbc.update("update workforce.published_absence set deleted_by_esr = true");

        Response run = post("/api/v1/reconciliation/run");

        assertThat(run.<Integer>json("$.newlyConfirmed")).isEqualTo(1);
        assertThat(status("A000131")).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("select confirmed_revision = sent_revision from absence.absence", Boolean.class))
                .isTrue();
    }
}
