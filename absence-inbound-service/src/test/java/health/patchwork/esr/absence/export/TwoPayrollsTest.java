package health.patchwork.esr.absence.export;

import static health.patchwork.esr.absence.export.AbsenceExportTest.batch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.test.context.TestPropertySource;

/**
 * A Trust with a weekly bank payroll and a monthly one: each absence goes to its assignment's payroll on its start,
 * each payroll's period is finalised apart and gets its own AB files, with the period type in name and header. The
 * clock stands at Monday 2 November 2026, 12:00. Tax week 30 of 2026/27 runs from Monday 26 October to Sunday 1
 * November.
 */
@TestPropertySource(properties = {"esr.absence.work-dir=target/absence-work-payrolls",
        "esr.payrolls.bank.esr-name=123 Weekly Bank", "esr.payrolls.bank.period-type=W",
        "esr.payrolls.monthly.esr-name=123 Monthly", "esr.payrolls.monthly.period-type=M"})
class TwoPayrollsTest extends AbsenceServiceTest {

    static final String BANK = "payroll=123 Weekly Bank";
    static final String MONTHLY = "payroll=123 Monthly";

    static final String BANK_SICK = """
            {"absenceId": "BANK-SICK", "assignmentNumber": "20000001", "category": "SICKNESS", "reason": "S13",
             "startDate": "2026-10-27", "endDate": "2026-10-28"}""";
    static final String MONTH_LEAVE = """
            {"absenceId": "MONTH-LEAVE", "assignmentNumber": "20000003", "category": "ANNUAL_LEAVE",
             "startDate": "2026-10-28", "endDate": "2026-10-28", "units": 7.5}""";

    @Autowired
    AbsenceExport export;
    @Autowired
    @Qualifier("export")
    HealthIndicator health;

    @BeforeEach
    void payrollsOfTheAssignments() {
        jdbc.update("update workforce.published_assignment set payroll_name = case assignment_number"
                + " when '20000001' then '123 Weekly Bank' when '20000003' then '123 Monthly'"
                + " when '20000002' then '123 Medical Staff' end");
        clock.set(Instant.parse("2026-11-02T12:00:00Z"));
    }

    @Test
    void eachAbsenceGoesToItsAssignmentsPayrollAndAPayrollNotConfiguredIsRefusedByName() {
        Response posted = post("/api/v1/absences", batch(BANK_SICK, MONTH_LEAVE,
                BANK_SICK.replace("BANK-SICK", "UNKNOWN-PAYROLL").replace("20000001", "20000002"),
                BANK_SICK.replace("BANK-SICK", "NO-PAYROLL").replace("20000001", "20000001-2")));

        assertThat(posted.<List<String>>json("$.results[*].outcome"))
                .containsExactly("CREATED", "CREATED", "REJECTED", "REJECTED");
        assertThat(posted.<String>json("$.results[2].errors[0].field")).isEqualTo("absences[2].assignmentNumber");
        assertThat(posted.<String>json("$.results[2].errors[0].reason")).contains("'123 Medical Staff'")
                .contains("esr.payrolls");
        assertThat(posted.<String>json("$.results[3].errors[0].reason")).contains("has no ESR payroll");

        Response bank = get("/api/v1/absences/BANK-SICK");
        assertThat(bank.<String>json("$.payroll")).isEqualTo("123 Weekly Bank");
        assertThat(bank.<String>json("$.period")).isEqualTo("W2730");
        Response month = get("/api/v1/absences/MONTH-LEAVE");
        assertThat(month.<String>json("$.payroll")).isEqualTo("123 Monthly");
        assertThat(month.<String>json("$.period")).isEqualTo("M2707");
    }

    @Test
    void eachPayrollPeriodIsFinalisedApartAndGoesInItsOwnFile() throws IOException {
        post("/api/v1/absences", batch(BANK_SICK, MONTH_LEAVE));

        Response weekly = post("/api/v1/periods/W2730/finalise?" + BANK);
        assertThat(weekly.status()).isEqualTo(200);
        assertThat(weekly.<String>json("$.file")).isEqualTo("AB_123_PWH_WN2730_00000001.DAT");
        assertThat(weekly.<String>json("$.payroll")).isEqualTo("123 Weekly Bank");
        assertThat(weekly.<Integer>json("$.rows")).as("the bank absence only").isEqualTo(1);
        assertThat(get("/api/v1/absences/MONTH-LEAVE").<String>json("$.status")).isEqualTo("PENDING");

        Response monthly = post("/api/v1/periods/M2707/finalise?" + MONTHLY);
        assertThat(monthly.<String>json("$.file")).isEqualTo("AB_123_PWH_MN2707_00000002.DAT");
        assertThat(monthly.<Integer>json("$.rows")).isEqualTo(1);

        post("/api/v1/absences", batch(BANK_SICK.replace("BANK-SICK", "BANK-LATE")
                .replace("2026-10-27", "2026-10-29").replace("2026-10-28", "2026-10-30")));
        Response late = post("/api/v1/periods/W2730/finalise?" + BANK);
        assertThat(late.<String>json("$.file")).as("the week's normal run went already")
                .isEqualTo("AB_123_PWH_WS2730_00000003.DAT");

        InboundFileValidator validator = new InboundFileValidator(InboundValidationOptions.forVpd("123"));
        for (String name : inboundFiles()) {
            assertThat(validator.validate(mailbox.resolve("/in/" + name)).isValid())
                    .as(name + " passes the library's validation").isTrue();
        }
        assertThat(records("AB_123_PWH_WN2730_00000001.DAT").get(0)).endsWith(",W,N,30");
        assertThat(records("AB_123_PWH_WN2730_00000001.DAT").get(1)).contains(",PWH-BANK-SICK,");
        assertThat(records("AB_123_PWH_MN2707_00000002.DAT").get(0)).endsWith(",M,N,07");
        assertThat(records("AB_123_PWH_MN2707_00000002.DAT").get(1)).contains(",PWH-MONTH-LEAVE,");

        Response period = get("/api/v1/periods/W2730?" + BANK);
        assertThat(period.<String>json("$.payroll")).isEqualTo("123 Weekly Bank");
        assertThat(period.<Boolean>json("$.finalised")).isTrue();
        assertThat(period.<List<String>>json("$.files[*].fileName"))
                .containsExactly("AB_123_PWH_WN2730_00000001.DAT", "AB_123_PWH_WS2730_00000003.DAT");
        assertThat(period.<Integer>json("$.counts.EXPORTED")).isEqualTo(2);
        assertThat(get("/api/v1/periods/M2707?" + MONTHLY).<List<String>>json("$.files[*].fileName"))
                .containsExactly("AB_123_PWH_MN2707_00000002.DAT");
    }

    @Test
    void aPeriodIsNamedWithItsPayrollAndOfThatPayrollsType() throws IOException {
        Response noPayroll = post("/api/v1/periods/W2730/finalise");
        assertThat(noPayroll.status()).isEqualTo(400);
        assertThat(noPayroll.<String>json("$.errors[0].field")).isEqualTo("payroll");
        assertThat(noPayroll.<String>json("$.errors[0].reason")).contains("123 Weekly Bank").contains("123 Monthly");

        Response wrongType = post("/api/v1/periods/W2730/finalise?" + MONTHLY);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.<String>json("$.errors[0].field")).isEqualTo("periodId");
        assertThat(wrongType.<String>json("$.errors[0].reason")).contains("M2708");

        Response unknown = get("/api/v1/periods/W2730?payroll=123 Medical Staff");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("payroll");

        assertThat(post("/api/v1/periods/W2733/finalise?" + BANK).status()).as("a week to come").isEqualTo(409);
        assertThat(inboundFiles()).isEmpty();
    }

    @Test
    void operatorsFinaliseAPayrollsPeriodThroughActuatorNamingThePayroll() {
        post("/api/v1/absences", batch(BANK_SICK));

        Response noPayroll = post("/actuator/esrfiles/finalise", "{\"period\": \"W2730\"}");
        assertThat(noPayroll.status()).isEqualTo(400);
        assertThat(noPayroll.body()).contains("payroll is required");

        Response finalised = post("/actuator/esrfiles/finalise",
                "{\"period\": \"W2730\", \"payroll\": \"123 Weekly Bank\"}");
        assertThat(finalised.status()).isEqualTo(200);
        assertThat(finalised.<String>json("$.file")).isEqualTo("AB_123_PWH_WN2730_00000001.DAT");
    }

    @Test
    void theFallbackFinalisesThePeriodJustEndedOfEveryPayroll() throws IOException {
        clock.set(Instant.parse("2026-11-09T06:00:00Z"));
        post("/api/v1/absences", batch(BANK_SICK.replace("2026-10-27", "2026-11-03").replace("2026-10-28",
                "2026-11-04"), MONTH_LEAVE));

        var files = export.runFallback();

        assertThat(files).extracting(f -> f.fileName()).as("payrolls in the order of their names").containsExactly(
                "AB_123_PWH_MN2707_00000001.DAT", "AB_123_PWH_WN2731_00000002.DAT");
        assertThat(export.runFallback()).as("nothing new").isEmpty();
        assertThat(get("/api/v1/periods/W2731?" + BANK).<String>json("$.finalisedBy")).isEqualTo("schedule");
    }

    @Test
    void absencesWaitingForAPayrollTheSettingsNoLongerNameNeedAttention() {
        post("/api/v1/absences", batch(BANK_SICK));
        assertThat(health.health().getDetails()).containsEntry("absencesOfUnknownPayroll", 0L);

        // as if esr.payrolls had named this payroll when the absence came in
        jdbc.update("update absence.absence set payroll = '123 Old Bank' where absence_id = 'BANK-SICK'");

        Health waiting = health.health();
        assertThat(waiting.getStatus().getCode()).isEqualTo("ATTENTION");
        assertThat(waiting.getDetails()).containsEntry("absencesOfUnknownPayroll", 1L);
    }
}
