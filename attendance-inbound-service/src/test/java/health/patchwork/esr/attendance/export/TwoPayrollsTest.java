package health.patchwork.esr.attendance.export;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.AttendanceTestConfiguration;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Trust with a weekly bank payroll (finalised by Monday 09:00 for the week to Sunday) and a monthly one: each line
 * goes to its assignment's payroll, is told its pay date when posted, and each payroll period gets its own TA file.
 * The clock stands at Monday 2 November 2026, 12:00: the bank week to Sunday 1 November was cut off three hours ago.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esr.trust.vpd=123", "esr.attendance.export-schedule=-", "esr.leader.candidate=false",
                "esr.attendance.work-dir=target/attendance-work-payrolls",
                "esr.payrolls.bank.esr-name=123 Weekly Bank", "esr.payrolls.bank.period-type=W",
                "esr.payrolls.bank.cut-off.days-after-period-end=1", "esr.payrolls.bank.cut-off.time=09:00",
                "esr.payrolls.monthly.esr-name=123 Monthly", "esr.payrolls.monthly.period-type=M"})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class, AttendanceTestConfiguration.class})
class TwoPayrollsTest {

    static final String WEEKLY_FILE = "TA_123_PWH_WN2731_00000001.DAT";
    static final String MONTHLY_FILE = "TA_123_PWH_MN2708_00000002.DAT";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock);
        jdbc.update("update workforce.published_assignment set payroll_name = case assignment_number"
                + " when '20000001' then '123 Weekly Bank' when '20000003' then '123 Monthly'"
                + " when '20000004' then '123 Medical Staff' end");
        api = new Api(port);
    }

    @Test
    void eachLineIsToldItsPayrollPeriodRunAndCutOffWhenItIsPosted() {
        Api.Response posted = api.post("/api/v1/timesheet-lines", batch(
                line("BANK-LATE", "20000001", "2026-10-27", "BANK", "7.5"),
                line("BANK-NEXT", "20000001", "2026-11-02", "BANK", "7.5"),
                line("MONTH", "20000003", "2026-10-27", "OT_PLAIN", "4"),
                line("UNKNOWN-PAYROLL", "20000004", "2026-10-27", "OT_PLAIN", "4"),
                line("NO-PAYROLL", "20000001-2", "2026-10-27", "OT_PLAIN", "4")));

        JsonNode late = result(posted, 0);
        assertThat(late.at("/payDate/payroll").asString()).isEqualTo("123 Weekly Bank");
        assertThat(late.at("/payDate/period").asString()).isEqualTo("W2731");
        assertThat(late.at("/payDate/cutOff").asString()).isEqualTo("2026-11-02T09:00:00Z");
        assertThat(late.at("/payDate/run").asString()).as("the week's normal run is not made yet").isEqualTo("NORMAL");
        assertThat(late.at("/payDate/late").asBoolean()).as("posted after the cut-off, and told so").isTrue();
        assertThat(late.at("/payDate/lateness").asString()).isEqualTo("AFTER_CUT_OFF");

        JsonNode next = result(posted, 1);
        assertThat(next.at("/payDate/period").asString()).isEqualTo("W2732");
        assertThat(next.at("/payDate/cutOff").asString()).isEqualTo("2026-11-09T09:00:00Z");
        assertThat(next.at("/payDate/late").asBoolean()).isFalse();
        assertThat(next.at("/payDate/lateness").asString()).isEqualTo("ON_TIME");

        JsonNode month = result(posted, 2);
        assertThat(month.at("/payDate/payroll").asString()).isEqualTo("123 Monthly");
        assertThat(month.at("/payDate/period").asString()).isEqualTo("M2708");
        assertThat(month.at("/payDate/cutOff").asString()).isEqualTo("2026-11-03T09:30:00Z");
        assertThat(month.at("/payDate/late").asBoolean()).isFalse();

        assertThat(result(posted, 3).at("/outcome").asString()).isEqualTo("REJECTED");
        assertThat(result(posted, 3).at("/errors/0/field").asString()).isEqualTo("lines[3].assignmentNumber");
        assertThat(result(posted, 3).at("/errors/0/reason").asString()).contains("'123 Medical Staff'")
                .contains("esr.payrolls");
        assertThat(result(posted, 4).at("/errors/0/reason").asString()).contains("has no ESR payroll");
    }

    @Test
    void eachPayrollPeriodGoesInItsOwnFileAndALineAfterItsNormalRunIsToldItGoesSupplementary() throws IOException {
        api.post("/api/v1/timesheet-lines", batch(
                line("BANK", "20000001", "2026-10-27", "BANK", "7.5"),
                line("MONTH", "20000003", "2026-10-27", "OT_PLAIN", "4")));

        Api.Response weekly = api.post("/api/v1/exports/cut-off", "");
        assertThat(weekly.body().size()).as("only the bank week is past its cut-off").isEqualTo(1);
        assertThat(weekly.text("/0/fileName")).isEqualTo(WEEKLY_FILE);

        JsonNode late = result(api.post("/api/v1/timesheet-lines",
                batch(line("BANK-2", "20000001", "2026-10-28", "BANK", "3"))), 0);
        assertThat(late.at("/payDate/run").asString()).isEqualTo("SUPPLEMENTARY");
        assertThat(late.at("/payDate/lateness").asString()).isEqualTo("SUPPLEMENTARY_RUN");

        clock.set("2026-11-03T09:30:00Z");
        Api.Response monthly = api.post("/api/v1/exports/cut-off", "");
        assertThat(monthly.body().valueStream().map(file -> file.get("fileName").asString()))
                .containsExactly(MONTHLY_FILE, "TA_123_PWH_WS2731_00000003.DAT");

        InboundFileValidator validator = new InboundFileValidator(InboundValidationOptions.forVpd("123"));
        for (String name : new String[] {WEEKLY_FILE, MONTHLY_FILE, "TA_123_PWH_WS2731_00000003.DAT"}) {
            Path file = mailbox.resolve("/in/" + name);
            assertThat(validator.validate(file).isValid()).as(name + " passes the library's validation").isTrue();
        }
        assertThat(firstLine(WEEKLY_FILE)).startsWith("HDR," + WEEKLY_FILE + ",").endsWith(",W,N,31");
        assertThat(firstLine(MONTHLY_FILE)).startsWith("HDR," + MONTHLY_FILE + ",").endsWith(",M,N,08");
        assertThat(Files.readString(mailbox.resolve("/in/" + WEEKLY_FILE), StandardCharsets.ISO_8859_1))
                .contains("20000001").doesNotContain("20000003");
    }

    @Test
    void anOperatorExportNamesThePayrollOnceThereAreSeveral() {
        Api.Response missing = api.post("/api/v1/exports", "{\"taxYear\":27,\"period\":8}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("/errors/0/field")).isEqualTo("payroll");
        assertThat(missing.text("/errors/0/reason")).contains("123 Weekly Bank").contains("123 Monthly");

        Api.Response unknown = api.post("/api/v1/exports", "{\"taxYear\":27,\"period\":8,\"payroll\":\"Nope\"}");
        assertThat(unknown.status()).isEqualTo(400);

        api.post("/api/v1/timesheet-lines", batch(line("MONTH", "20000003", "2026-10-27", "OT_PLAIN", "4")));
        Api.Response sent = api.post("/api/v1/exports",
                "{\"taxYear\":27,\"period\":8,\"payroll\":\"123 Monthly\"}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.text("/fileName")).isEqualTo("TA_123_PWH_MN2708_00000001.DAT");
    }

    private static JsonNode result(Api.Response response, int index) {
        return response.body().at("/lines/" + index);
    }

    private String firstLine(String name) throws IOException {
        return Files.readAllLines(mailbox.resolve("/in/" + name), StandardCharsets.ISO_8859_1).get(0).strip();
    }
}
