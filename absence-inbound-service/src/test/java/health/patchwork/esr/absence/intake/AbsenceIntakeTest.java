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

        // the batch convention of both inbound services: 422 problem detail once any item is rejected
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.<String>json("$.type")).isEqualTo("urn:esr-suite:problem:absences-rejected");
        assertThat(response.<String>json("$.detail")).isEqualTo("2 of 4 absences were rejected; the other 2 were stored");
        assertThat(response.<Integer>json("$.accepted")).isEqualTo(2);
        assertThat(response.<Integer>json("$.rejected")).isEqualTo(2);
        assertThat(response.<List<String>>json("$.errors[*].field")).contains("absences[1].reason",
                "absences[3].absenceId");
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
    void aUuidIdIsAcceptedUnderAnEsrReferenceTheServiceDerivesAndBothIdsFindIt() {
        String uuid = "3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b";
        String leave = ANNUAL_LEAVE.replace("A000131", uuid);

        Response created = post("/api/v1/absences", batch(leave, ANNUAL_LEAVE));
        Response retry = post("/api/v1/absences", batch(leave));

        assertThat(created.status()).isEqualTo(200);
        String reference = created.json("$.results[0].esrReference");
        assertThat(reference).matches("PWH-[0-9A-Z]{26}").doesNotContain("I", "L", "O", "U");
        assertThat(created.<String>json("$.results[1].esrReference")).isEqualTo("PWH-A000131");
        assertThat(retry.<String>json("$.results[0].outcome")).isEqualTo("UNCHANGED");
        assertThat(retry.<String>json("$.results[0].esrReference")).isEqualTo(reference);
        assertThat(jdbc.queryForObject("select reference from absence.absence where absence_id = ?", String.class,
                uuid)).isEqualTo(reference);
        assertThat(get("/api/v1/absences/" + uuid).<String>json("$.reference")).isEqualTo(reference);
        Response byReference = get("/api/v1/absences?esrReference=" + reference);
        assertThat(byReference.status()).isEqualTo(200);
        assertThat(byReference.<String>json("$.absenceId")).isEqualTo(uuid);
        assertThat(get("/api/v1/absences?esrReference=PWH-NOSUCH").status()).isEqualTo(404);
        Response notAReference = get("/api/v1/absences?esrReference=pwh%00x");
        assertThat(notAReference.status()).isEqualTo(400);
        assertThat(notAReference.<String>json("$.errors[0].field")).isEqualTo("esrReference");
    }

    @Test
    void anIdThatCannotBeAKeyIsRefusedNamingTheField() {
        Response response = post("/api/v1/absences", batch(ANNUAL_LEAVE.replace("A000131", "-starts-with-a-hyphen"),
                ANNUAL_LEAVE.replace("A000131", "x".repeat(65)), ANNUAL_LEAVE.replace("A000131", "has/slash")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.<List<String>>json("$.errors[*].field")).containsExactly("absences[0].absenceId",
                "absences[1].absenceId", "absences[2].absenceId");
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
    void assignmentsMustBePublishedByESRAndActiveOnTheStartDate() {
        jdbc.update("update workforce.published_assignment set effective_end = date '2026-10-31'"
                + " where assignment_number = '20000003'");
        jdbc.update("update workforce.published_assignment set assignment_status = 'TERM_ASSIGN'"
                + " where assignment_number = '20000001'");

        Response response = post("/api/v1/absences", batch(OPEN_SICKNESS, ANNUAL_LEAVE,
                ANNUAL_LEAVE.replace("A000131", "A000150").replace("\"20000001\"", "\"20000099\"")));

        assertThat(response.<List<String>>json("$.results[*].errors[0].field")).containsExactly(
                "absences[0].assignmentNumber", "absences[1].assignmentNumber", "absences[2].assignmentNumber");
        assertThat(response.<List<String>>json("$.results[*].errors[0].reason")).containsExactly(
                "is not active in ESR on the start date", "is not active in ESR on the start date",
                "is not an assignment ESR has published");
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
    void aRetryMatchingTheCurrentStateAfterAnUpdateIsANoOp() {
        post("/api/v1/absences", batch(OPEN_SICKNESS));
        post("/api/v1/absences/A000132/end", "{\"endDate\": \"2026-11-06\"}");

        Response original = post("/api/v1/absences", batch(OPEN_SICKNESS));
        Response current = post("/api/v1/absences", batch(OPEN_SICKNESS.replace("\"openEnded\": true",
                "\"endDate\": \"2026-11-06\"")));

        assertThat(original.<String>json("$.results[0].outcome")).isEqualTo("UNCHANGED");
        assertThat(current.<String>json("$.results[0].outcome")).isEqualTo("UNCHANGED");
        assertThat(jdbc.queryForObject("select open_ended from absence.absence", Boolean.class)).isFalse();
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
