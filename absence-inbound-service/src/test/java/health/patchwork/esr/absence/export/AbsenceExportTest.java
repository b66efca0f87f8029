package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import health.patchwork.esr.absence.support.AbsenceServiceTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Absences posted, periods finalised, AB files delivered byte for byte (docs/spec/inbound-files.md §3.4, §3.6). */
class AbsenceExportTest extends AbsenceServiceTest {

    static final String SICK_127 = """
            {"absenceId": "A000127", "assignmentNumber": "20000002", "category": "SICKNESS", "reason": "S13",
             "startDate": "2026-10-26", "openEnded": true, "notificationDate": "2026-10-26"}""";
    static final String LEAVE_129 = """
            {"absenceId": "A000129", "assignmentNumber": "20000001-2", "category": "ANNUAL_LEAVE",
             "startDate": "2026-10-28", "endDate": "2026-10-28", "units": 7.5}""";
    static final String LEAVE_131 = """
            {"absenceId": "A000131", "assignmentNumber": "20000001", "category": "ANNUAL_LEAVE",
             "startDate": "2026-11-16", "startTime": "08:00", "endDate": "2026-11-16", "endTime": "15:30",
             "units": 7.5, "notificationDate": "2026-10-20"}""";
    static final String SICK_132 = """
            {"absenceId": "A000132", "assignmentNumber": "20000003", "category": "SICKNESS", "reason": "S12",
             "startDate": "2026-11-02", "openEnded": true, "notificationDate": "2026-11-02"}""";

    @Autowired
    AbsenceExport export;

    static String batch(String... items) {
        return "{\"absences\": [" + String.join(",", items) + "]}";
    }

    @Test
    void finalisedPeriodsGoOutAsByteExactFilesWithEndsAndCancellationsInTheNextFile() throws IOException {
        clock.set(Instant.parse("2026-11-01T10:00:00Z"));
        post("/api/v1/absences", batch(SICK_127));
        Response first = post("/api/v1/periods/M2707/finalise");
        post("/api/v1/absences", batch(LEAVE_129));
        Response late = post("/api/v1/periods/M2707/finalise");

        clock.set(Instant.parse("2026-11-03T09:35:00Z"));
        post("/api/v1/absences", batch(LEAVE_131, SICK_132));
        post("/api/v1/absences/A000127/end", "{\"endDate\": \"2026-10-30\", \"returnToWorkDate\": \"2026-11-02\"}");
        post("/api/v1/absences/A000129/cancel");
        Response november = post("/api/v1/periods/M2708/finalise");

        assertThat(first.<String>json("$.file")).isEqualTo("AB_123_PWH_MN2707_00000001.DAT");
        assertThat(late.<String>json("$.file")).isEqualTo("AB_123_PWH_MS2707_00000002.DAT");
        assertThat(november.status()).isEqualTo(200);
        assertThat(november.<String>json("$.file")).isEqualTo("AB_123_PWH_MN2708_00000003.DAT");
        assertThat(november.<Integer>json("$.rows")).isEqualTo(4);
        assertThat(inboundFiles()).containsExactly("AB_123_PWH_MN2707_00000001.DAT",
                "AB_123_PWH_MN2708_00000003.DAT", "AB_123_PWH_MS2707_00000002.DAT");
        assertThat(Files.readAllBytes(mailbox.resolve("/in/AB_123_PWH_MN2708_00000003.DAT")))
                .isEqualTo(Files.readAllBytes(Path.of("src/test/resources/expected/AB_123_PWH_MN2708_00000003.DAT")));
        assertThat(records("AB_123_PWH_MN2707_00000001.DAT")).containsExactly(
                "HDR,AB_123_PWH_MN2707_00000001.DAT,20261101100000,PWH,123,M,N,07",
                "ABS,20261101,ADD,,20000002,\"Sickness\",\"S13 Cold, Cough, Flu - Influenza\",20261026,,,,,,D,20261026,,Y,,PWH-A000127,20261026",
                "FTR,1,0");

        assertThat(get("/api/v1/absences/A000127").<String>json("$.status")).isEqualTo("EXPORTED");
        assertThat(get("/api/v1/absences/A000127").<String>json("$.lastFile")).isEqualTo("AB_123_PWH_MN2708_00000003.DAT");
        assertThat(get("/api/v1/absences/A000127").<java.util.List<String>>json("$.files[*].operation"))
                .containsExactly("ADD", "END");
        assertThat(get("/api/v1/absences/A000129").<String>json("$.status")).isEqualTo("WITHDRAWN");
        Response period = get("/api/v1/periods/M2708");
        assertThat(period.<Boolean>json("$.finalised")).isTrue();
        assertThat(period.<String>json("$.finalisedBy")).as("the token's subject").isEqualTo("esr-test");
        assertThat(period.<java.util.List<String>>json("$.files[*].fileName")).containsExactly("AB_123_PWH_MN2708_00000003.DAT");
        assertThat(period.<Integer>json("$.counts.EXPORTED")).isEqualTo(2);
    }

    @Test
    void finalisingAgainWithNothingNewSendsNoFile() throws IOException {
        post("/api/v1/absences", batch(SICK_132));
        post("/api/v1/periods/M2708/finalise");

        Response again = post("/api/v1/periods/M2708/finalise");
        Response repost = post("/api/v1/absences", batch(SICK_132));
        Response afterRepost = post("/api/v1/periods/M2708/finalise");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"file\":null");
        assertThat(repost.<String>json("$.results[0].outcome")).isEqualTo("UNCHANGED");
        assertThat(afterRepost.body()).contains("\"file\":null");
        assertThat(inboundFiles()).containsExactly("AB_123_PWH_MN2708_00000001.DAT");
    }

    @Test
    void absencesOfLaterPeriodsWaitAndFuturePeriodsCannotBeFinalised() throws IOException {
        post("/api/v1/absences", batch(SICK_132, """
                {"absenceId": "A000200", "assignmentNumber": "20000001", "category": "STUDY_LEAVE",
                 "startDate": "2026-12-07", "endDate": "2026-12-07", "units": 7.5}"""));

        Response november = post("/api/v1/periods/M2708/finalise");
        Response december = post("/api/v1/periods/M2709/finalise");
        Response wrongType = post("/api/v1/periods/W2708/finalise");

        assertThat(november.<Integer>json("$.rows")).isEqualTo(1);
        assertThat(december.status()).isEqualTo(409);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.<String>json("$.errors[0].field")).isEqualTo("periodId");
        assertThat(get("/api/v1/absences/A000200").<String>json("$.status")).isEqualTo("PENDING");
    }

    @Test
    void changedDatesAfterExportGoOutAsDeleteThenAdd() throws IOException {
        post("/api/v1/absences", batch(LEAVE_131));
        post("/api/v1/periods/M2708/finalise");

        put("/api/v1/absences/A000131/dates",
                "{\"startDate\": \"2026-11-17\", \"endDate\": \"2026-11-17\", \"units\": 7.5}");
        assertThat(get("/api/v1/absences/A000131").<String>json("$.status")).isEqualTo("PENDING");
        assertThat(get("/api/v1/absences/A000131").<Boolean>json("$.changesPending")).isTrue();
        Response next = post("/api/v1/periods/M2708/finalise");

        assertThat(next.<String>json("$.file")).isEqualTo("AB_123_PWH_MS2708_00000002.DAT");
        assertThat(records("AB_123_PWH_MS2708_00000002.DAT")).containsExactly(
                "HDR,AB_123_PWH_MS2708_00000002.DAT,20261103093500,PWH,123,M,S,08",
                "ABS,20261103,DEL,,20000001,,,,,,,,,,,,,,PWH-A000131,",
                "ABS,20261103,ADD,,20000001,\"Annual Leave Hours 1\",,20261117,,20261117,,,7.50,H,,,N,,PWH-A000131,20261020",
                "FTR,2,0");
    }

    @Test
    void anAbsenceWhoseAssignmentESRNoLongerPublishesIsLeftOutForAttentionAndSentOnceItIs() throws IOException {
        post("/api/v1/absences", batch(SICK_132));
        jdbc.update("update workforce.published_assignment set effective_end = date '2026-10-31'"
                + " where assignment_number = '20000003'");

        Response blocked = post("/api/v1/periods/M2708/finalise");

        assertThat(blocked.body()).contains("\"file\":null");
        Response status = get("/api/v1/absences/A000132");
        assertThat(status.<String>json("$.status")).isEqualTo("NEEDS_ATTENTION");
        assertThat(status.<String>json("$.attentionReason"))
                .endsWith("ADD Assignment Number: assignment ended on 2026-10-31, before the absence start 2026-11-02");
        assertThat(get("/api/v1/reconciliation/attention").<Integer>json("$.count")).isEqualTo(1);

        jdbc.update("update workforce.published_assignment set effective_end = null where assignment_number = '20000003'");
        Response sent = post("/api/v1/periods/M2708/finalise");

        assertThat(sent.<String>json("$.file")).isEqualTo("AB_123_PWH_MN2708_00000001.DAT");
        assertThat(get("/api/v1/absences/A000132").<String>json("$.status")).isEqualTo("EXPORTED");
    }

    @Test
    void cancelledBeforeExportNothingIsSent() throws IOException {
        post("/api/v1/absences", batch(LEAVE_131));
        post("/api/v1/absences/A000131/cancel");

        Response result = post("/api/v1/periods/M2708/finalise");

        assertThat(result.body()).contains("\"file\":null");
        assertThat(inboundFiles()).isEmpty();
        assertThat(get("/api/v1/absences/A000131").<String>json("$.status")).isEqualTo("CANCELLED");
    }

    @Test
    void theMonthlyFallbackFinalisesThePeriodJustEnded() throws IOException {
        post("/api/v1/absences", batch(SICK_132));
        clock.set(Instant.parse("2026-12-05T06:00:00Z"));

        var files = export.runFallback();

        assertThat(files).extracting(f -> f.fileName()).containsExactly("AB_123_PWH_MN2708_00000001.DAT");
        assertThat(get("/api/v1/periods/M2708").<String>json("$.finalisedBy")).isEqualTo("schedule");
        assertThat(export.runFallback()).isEmpty();
        assertThat(inboundFiles()).containsExactly("AB_123_PWH_MN2708_00000001.DAT");
    }
}
