package health.patchwork.esr.absence.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import health.patchwork.esr.absence.support.AbsenceServiceTest;

import org.junit.jupiter.api.Test;

class AbsenceIntakeTest extends AbsenceServiceTest {

    static final String ANNUAL_LEAVE = """
            {"absenceId": "A000131", "assignmentNumber": "20000001", "category": "ANNUAL_LEAVE",
             "startDate": "2026-11-16", "startTime": "08:00", "endDate": "2026-11-16", "endTime": "15:30",
             "units": 7.5, "notificationDate": "2026-10-20"}""";
    static final String OPEN_SICKNESS = """
            {"absenceId": "A000132", "assignmentNumber": "20000003", "category": "SICKNESS", "reason": "S12",
             "startDate": "2026-11-02", "openEnded": true, "notificationDate": "2026-11-02"}""";

    static String batch(String... items) {
        return "{\"absences\": [" + String.join(",", items) + "]}";
    }

    @Test
    void validAbsencesAreKeptWhenOthersInTheBatchFail() {
        Response response = post("/api/v1/absences", batch(ANNUAL_LEAVE,
                """
                {"absenceId": "A000140", "assignmentNumber": "20000002", "category": "SICKNESS",
                 "startDate": "2026-11-02", "endDate": "2026-11-01"}""",
                OPEN_SICKNESS,
                """
                {"absenceId": "a lower case id", "assignmentNumber": "99999999", "category": "HOLIDAY",
                 "startDate": "2026-11-02", "endDate": "2026-11-03"}"""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Integer>json("$.accepted")).isEqualTo(2);
        assertThat(response.<Integer>json("$.rejected")).isEqualTo(2);
        assertThat(response.<List<String>>json("$.results[*].outcome"))
                .containsExactly("CREATED", "REJECTED", "CREATED", "REJECTED");
        assertThat(response.<List<String>>json("$.results[1].errors[*].field"))
                .containsExactlyInAnyOrder("absences[1].reason", "absences[1].endDate");
        assertThat(response.<List<String>>json("$.results[3].errors[*].field"))
                .containsExactlyInAnyOrder("absences[3].absenceId", "absences[3].category");
        assertThat(response.body()).doesNotContain("a lower case id\"", "HOLIDAY\"");
        assertThat(jdbc.queryForList("select absence_id from absence.absence order by 1", String.class))
                .containsExactly("A000131", "A000132");
    }

    @Test
    void mapsCategoryAndNationalSicknessReason() {
        post("/api/v1/absences", batch(ANNUAL_LEAVE, OPEN_SICKNESS, """
                {"absenceId": "A000133", "assignmentNumber": "20000001-2", "category": "ANNUAL_LEAVE",
                 "startDate": "2026-11-20", "endDate": "2026-11-20", "units": 7.5}"""));

        Map<String, Object> leave = jdbc.queryForMap("select * from absence.absence where absence_id = 'A000131'");
        assertThat(leave).containsEntry("reference", "PWH-A000131").containsEntry("absence_type", "Annual Leave Hours 1")
                .containsEntry("units", "H").containsEntry("open_ended", false);
        assertThat(jdbc.queryForObject("select absence_type from absence.absence where absence_id = 'A000133'",
                String.class)).isEqualTo("Annual Leave Hours 2");
        Map<String, Object> sick = jdbc.queryForMap("select * from absence.absence where absence_id = 'A000132'");
        assertThat(sick).containsEntry("absence_type", "Sickness")
                .containsEntry("absence_reason", "S12 Other musculoskeletal problems").containsEntry("units", "D")
                .containsEntry("open_ended", true).containsEntry("period_key", 2708);
    }

    @Test
    void sicknessNeedsANationalReasonAndOnlySicknessIsOpenEnded() {
        Response response = post("/api/v1/absences", batch("""
                {"absenceId": "A1", "assignmentNumber": "20000002", "category": "SICKNESS",
                 "startDate": "2026-11-02", "openEnded": true}""", """
                {"absenceId": "A2", "assignmentNumber": "20000002", "category": "SICKNESS", "reason": "S77",
                 "startDate": "2026-11-02", "openEnded": true}""", """
                {"absenceId": "A3", "assignmentNumber": "20000002", "category": "ANNUAL_LEAVE",
                 "startDate": "2026-11-02", "openEnded": true}""", """
                {"absenceId": "A4", "assignmentNumber": "20000002", "category": "ANNUAL_LEAVE",
                 "startDate": "2026-11-02", "endDate": "2026-11-02"}"""));

        assertThat(response.<List<String>>json("$.results[*].outcome")).containsOnly("REJECTED");
        assertThat(response.<List<String>>json("$.results[0].errors[*].field")).containsExactly("absences[0].reason");
        assertThat(response.<List<String>>json("$.results[1].errors[*].field")).containsExactly("absences[1].reason");
        assertThat(response.<List<String>>json("$.results[2].errors[*].field")).containsExactly("absences[2].openEnded");
        assertThat(response.<List<String>>json("$.results[3].errors[*].field")).containsExactly("absences[3].units");
    }

    @Test
    void anAssignmentESRHasNotPublishedForTheStartDateIsRefused() {
        jdbc.update("update workforce.published_assignment set effective_end = date '2026-10-31'"
                + " where assignment_number = '20000003'");

        Response response = post("/api/v1/absences", batch(OPEN_SICKNESS));

        assertThat(response.<List<String>>json("$.results[0].errors[*].field"))
                .containsExactly("absences[0].assignmentNumber");
    }

    @Test
    void aRetryOfTheSameContentIsANoOpAndDifferentContentUnderTheSameIdIsRefused() {
        post("/api/v1/absences", batch(ANNUAL_LEAVE));

        Response retry = post("/api/v1/absences", batch(ANNUAL_LEAVE));
        Response changed = post("/api/v1/absences", batch(ANNUAL_LEAVE.replace("7.5", "6")));

        assertThat(retry.<String>json("$.results[0].outcome")).isEqualTo("UNCHANGED");
        assertThat(changed.<String>json("$.results[0].outcome")).isEqualTo("REJECTED");
        assertThat(changed.<String>json("$.results[0].errors[0].field")).isEqualTo("absences[0].absenceId");
        assertThat(jdbc.queryForObject("select duration_hours from absence.absence", java.math.BigDecimal.class))
                .isEqualByComparingTo("7.5");
        assertThat(jdbc.queryForObject("select revision from absence.absence", Integer.class)).isEqualTo(1);
    }

    @Test
    void malformedRequestsAreProblemDetailsNamingTheField() {
        Response unknown = post("/api/v1/absences", "{\"absences\": [{\"absenceId\": \"A1\", \"nhsNumber\": \"x\"}]}");
        Response empty = post("/api/v1/absences", batch());

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("absences[0].nhsNumber");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.<String>json("$.errors[0].field")).isEqualTo("absences");
    }

    @Test
    void endingAnOpenEndedSicknessBeforeExportChangesIt() {
        post("/api/v1/absences", batch(OPEN_SICKNESS));

        Response ended = post("/api/v1/absences/A000132/end",
                "{\"endDate\": \"2026-11-06\", \"returnToWorkDate\": \"2026-11-09\"}");

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.<String>json("$.status")).isEqualTo("PENDING");
        Map<String, Object> sick = jdbc.queryForMap("select * from absence.absence where absence_id = 'A000132'");
        assertThat(sick).containsEntry("open_ended", false).containsEntry("revision", 2);
        assertThat((java.math.BigDecimal) sick.get("duration_days")).isEqualByComparingTo("5");
    }

    @Test
    void updatesNameWhatIsWrong() {
        post("/api/v1/absences", batch(ANNUAL_LEAVE, OPEN_SICKNESS));

        assertThat(post("/api/v1/absences/NOPE/end", "{\"endDate\": \"2026-11-06\"}").status()).isEqualTo(404);
        assertThat(post("/api/v1/absences/A000131/end", "{\"endDate\": \"2026-11-06\"}").status()).isEqualTo(409);
        Response backwards = put("/api/v1/absences/A000131/dates",
                "{\"startDate\": \"2026-11-16\", \"endDate\": \"2026-11-15\", \"units\": 7.5}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.<String>json("$.errors[0].field")).isEqualTo("endDate");
    }

    @Test
    void changingDatesBeforeExportAndCancelling() {
        post("/api/v1/absences", batch(ANNUAL_LEAVE));

        Response moved = put("/api/v1/absences/A000131/dates",
                "{\"startDate\": \"2026-11-17\", \"endDate\": \"2026-11-18\", \"units\": 15}");
        Response cancelled = post("/api/v1/absences/A000131/cancel");
        Response again = post("/api/v1/absences/A000131/cancel");

        assertThat(moved.<String>json("$.status")).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select start_date from absence.absence", java.time.LocalDate.class))
                .isEqualTo("2026-11-17");
        assertThat(cancelled.<String>json("$.status")).isEqualTo("CANCELLED");
        assertThat(again.<String>json("$.status")).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select revision from absence.absence", Integer.class)).isEqualTo(3);
    }
}
